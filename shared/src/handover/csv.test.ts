import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralise } from './csv';

describe('handover CSV', () => {
  it('neutralises every value that a spreadsheet would run as a formula', () => {
    for (const text of ['=SUM(A1)', '+358 40 123', '-1+1', '@cmd', '\tx']) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
    expect(neutralise('\rx')).toBe("'\nx"); // line ends are written as \n
    expect(neutralise('Äänekoski')).toBe('Äänekoski');
    expect(neutralise('Kuopio-Iisalmi')).toBe('Kuopio-Iisalmi');
  });

  it('neutralises the fullwidth and small forms and a formula behind spaces or invisible characters', () => {
    for (const text of [
      '＝1+1',
      '＋358',
      '－1',
      '＠SUM(A1)',
      '﹦1+1',
      '﹢1',
      '﹣1',
      '﹫x',
      ' =1+1',
      '\u200B=1',
      '\uFEFF+1',
    ]) {
      expect(neutralise(text)).toBe(`'${text}`);
    }
  });

  it('takes control and bidi characters out of every text, line breaks kept', () => {
    expect(neutralise('Matti\u0001 \u202Eexe.txt\r\nrivi')).toBe('Matti exe.txt\nrivi');
    expect(neutralise('\u202E=1+1')).toBe("'=1+1");
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
