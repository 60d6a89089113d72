import { afterEach, describe, expect, it } from 'vitest';
import { armFaultPoints, faultPoint, parseFaultPoints } from './fault-points';

describe('fault points', () => {
  afterEach(() => armFaultPoints([]));

  it('stop the process only at an armed point', () => {
    const stopped: string[] = [];
    armFaultPoints(['log-contact:after-interaction'], (name) => stopped.push(name));
    faultPoint('stage-move:after-history');
    faultPoint('log-contact:after-interaction');
    expect(stopped).toEqual(['log-contact:after-interaction']);
  });

  it('do nothing when none is armed', () => {
    expect(() => faultPoint('stage-move:after-history')).not.toThrow();
  });

  it('parse a list and refuse an unknown name, so a typo never disarms a test', () => {
    expect(parseFaultPoints(' stage-move:after-history, log-contact:before-summary ')).toEqual([
      'stage-move:after-history',
      'log-contact:before-summary',
    ]);
    expect(parseFaultPoints(undefined)).toEqual([]);
    expect(() => parseFaultPoints('stage-move:afterhistory')).toThrow(/Unknown fault point/);
  });
});
