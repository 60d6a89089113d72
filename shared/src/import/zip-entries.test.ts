import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBudget, type ReadBudget } from './import-limits';
import { inflateEntry, zipDirectory } from './zip-entries';

function countingBudget() {
  const counter = { ticks: 0 };
  const budget: ReadBudget = { tick: () => Promise.resolve(void counter.ticks++) };
  return { budget, counter };
}

describe('inflating a zip entry within limits', () => {
  it('inflates within the declared size, stored or deflated', async () => {
    const zip = Buffer.from(
      zipSync({ 'a.xml': strToU8('<a>ä</a>'), 'b.xml': [strToU8('<b/>'), { level: 0 }] }),
    );
    const entries = zipDirectory(zip);
    const a = await inflateEntry(zip, entries.get('a.xml')!, 1000, readBudget());
    expect(a.toString('utf8')).toBe('<a>ä</a>');
    expect(entries.get('b.xml')?.method).toBe(0);
    expect((await inflateEntry(zip, entries.get('b.xml')!, 1000, readBudget())).toString()).toBe('<b/>');
  });

  it('stops at the first slice whose text between tags runs past the limit, saying what came before', async () => {
    const text = `<row><c r="B7" t="inlineStr"><is><t>${'x'.repeat(20 * 1024 * 1024)}</t></is></c></row>`;
    const zip = Buffer.from(zipSync({ 'sheet.xml': strToU8(text) }));
    const entry = zipDirectory(zip).get('sheet.xml')!;
    const { budget, counter } = countingBudget();
    let before = '';
    await expect(
      inflateEntry(zip, entry, 64 * 1024 * 1024, budget, {
        byte: 0x3c,
        max: 100_000,
        refusal: (bytes) => {
          before = bytes.toString('utf8');
          return new Error('run too long');
        },
      }),
    ).rejects.toThrow('run too long');
    expect(before).toBe('<row><c r="B7" t="inlineStr"><is><');
    // The compressed data is some 20 KB, five slices: it stopped long before the end.
    expect(counter.ticks).toBeLessThan(3);
  });
});
