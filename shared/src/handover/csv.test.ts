import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralise } from './csv';

describe('handover CSV', () => {
  it('neutralises every value that a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+358 40 123', '-1+1', '@cmd', '\tx', '\rx']) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    expect(neutralise('Äänekoski')).toBe('Äänekoski');
    expect(csvCell(-5)).toBe('-5'); // numbers stay numbers
  });

  it('quotes separators, quotes and line breaks and joins lists', () => {
    expect(csvLine(['Kuopion "Kerho" ry', 'a;b', 'rivi\nrivi', ['Kuopio', 'Iisalmi'], undefined, true])).toBe(
      '"Kuopion ""Kerho"" ry";"a;b";"rivi\nrivi";"Kuopio, Iisalmi";;true\r\n',
    );
  });
});

describe('handover workbook cells', () => {
  it('names columns as Excel does', async () => {
    const { columnLetters, xlsxRow } = await import('./xlsx');
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(xlsxRow(['a<b', 3, true, undefined, '=1+1'], 2)).toBe(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">a&lt;b</t></is></c><c r="B2"><v>3</v></c>' +
        '<c r="C2" t="b"><v>1</v></c><c r="E2" t="inlineStr"><is><t xml:space="preserve">\'=1+1</t></is></c></row>\n',
    );
  });
});
