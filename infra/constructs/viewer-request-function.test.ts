import { describe, expect, it } from 'vitest';
import { viewerRequestCode } from './viewer-request-function';

interface CloudFrontRequest {
  headers: Record<string, { value: string }>;
}

// CloudFront Functions run plain JavaScript with a `handler(event)`; run the same source here.
const handler = new Function(`${viewerRequestCode}; return handler;`)() as (event: {
  request: CloudFrontRequest;
  viewer: { ip: string };
}) => CloudFrontRequest;

describe('CloudFront viewer-request function', () => {
  it('passes the site host and the viewer IP, overwriting anything the client sent', () => {
    const request = handler({
      viewer: { ip: '192.0.2.7' },
      request: {
        headers: {
          host: { value: 'kohtaamo.example.fi' },
          'x-forwarded-host': { value: 'evil.example' },
          'x-kohtaamo-viewer-address': { value: '198.51.100.1' },
        },
      },
    });
    expect(request.headers['x-forwarded-host']).toEqual({ value: 'kohtaamo.example.fi' });
    expect(request.headers['x-kohtaamo-viewer-address']).toEqual({ value: '192.0.2.7' });
  });
});
