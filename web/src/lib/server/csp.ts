// The Content-Security-Policy that SvelteKit writes allows forms to post to the site only; where
// uploads go straight to the export bucket, its address is added to `form-action`.

export function allowFormAction(policy: string, origin: string | undefined): string {
  if (!origin) return policy;
  return policy
    .split(';')
    .map((directive) => {
      const trimmed = directive.trim();
      return trimmed.startsWith('form-action ') && !trimmed.split(/\s+/).includes(origin)
        ? `${trimmed} ${origin}`
        : trimmed;
    })
    .filter(Boolean)
    .join('; ');
}
