// Named crash points for fault tests: when armed, the process kills itself (SIGKILL, as `kill -9`)
// at that point of a write path, so a test can restart it and check that the next write or read
// heals what was left. Armed only by `scripts/start.ts` from KOHTAAMO_FAULT_POINTS; the Lambda
// configuration refuses that setting (config.ts), and the stacks never set it.
//
// The registry lives on globalThis because the built web app carries its own copy of this module.

export const faultPointNames = [
  'stage-move:after-history',
  'log-contact:after-interaction',
  'log-contact:before-summary',
] as const;
export type FaultPointName = (typeof faultPointNames)[number];

interface Armed {
  points: Set<string>;
  /** How a point stops the process; a test may replace it to observe the point instead. */
  stop: (name: FaultPointName) => void;
}

const registryKey = Symbol.for('kohtaamo.faultPoints');
type Registry = { [registryKey]?: Armed };

const killNow = () => {
  process.kill(process.pid, 'SIGKILL');
};

/**
 * Parses a comma-separated list of fault point names. Fails with an Error naming an unknown point,
 * so a typo in a fault test never silently disarms it.
 */
export function parseFaultPoints(value: string | undefined): FaultPointName[] {
  if (!value?.trim()) return [];
  return value.split(',').map((raw) => {
    const name = raw.trim();
    if (!(faultPointNames as readonly string[]).includes(name))
      throw new Error(`Unknown fault point "${name}" (known: ${faultPointNames.join(', ')})`);
    return name as FaultPointName;
  });
}

/** Arms the named points for this process (an empty list disarms). */
export function armFaultPoints(names: readonly FaultPointName[], stop: Armed['stop'] = killNow): void {
  (globalThis as Registry)[registryKey] = { points: new Set(names), stop };
}

/** Stops the process here when this point is armed; otherwise does nothing (the normal case). */
export function faultPoint(name: FaultPointName): void {
  const armed = (globalThis as Registry)[registryKey];
  if (armed?.points.has(name)) armed.stop(name);
}
