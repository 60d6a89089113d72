// The CloudFront Function (JavaScript runtime 2.0) on every request to the web app: it tells the
// app the site's host (the Lambda sees only its own Function URL host) and the viewer's IP for
// login throttling. Both headers are overwritten, so a client can never choose their values.
import { FORWARDED_HOST_HEADER, VIEWER_ADDRESS_HEADER } from '../../functions/src/web/cloudfront-headers';

export const viewerRequestCode = `
function handler(event) {
  var request = event.request;
  request.headers['${FORWARDED_HOST_HEADER}'] = { value: request.headers.host.value };
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}
`;
