import { describe, expect, it } from 'vitest';
import { allowFormAction } from './csp';

describe('allowFormAction', () => {
  const policy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'";

  it('adds the upload origin to form-action only', () => {
    expect(allowFormAction(policy, 'https://b.s3.eu-north-1.amazonaws.com')).toBe(
      "default-src 'self'; form-action 'self' https://b.s3.eu-north-1.amazonaws.com; frame-ancestors 'none'",
    );
  });

  it('leaves the policy as it is without an upload origin, or when it is there already', () => {
    expect(allowFormAction(policy, undefined)).toBe(policy);
    const once = allowFormAction(policy, 'https://b.example');
    expect(allowFormAction(once, 'https://b.example')).toBe(once);
  });
});
