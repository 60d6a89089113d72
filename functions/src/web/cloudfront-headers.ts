// The headers CloudFront and the web function agree on (the CDK stack and the viewer-request
// function use these names too).

/** Added by CloudFront to every origin request; the function refuses requests without it. */
export const ORIGIN_SECRET_HEADER = 'x-kohtaamo-origin-secret';
/** The viewer's IP, set by the viewer-request function (overwriting anything the client sent). */
export const VIEWER_ADDRESS_HEADER = 'x-kohtaamo-viewer-address';
/** The site's host as the viewer asked for it, set by the viewer-request function. */
export const FORWARDED_HOST_HEADER = 'x-forwarded-host';
