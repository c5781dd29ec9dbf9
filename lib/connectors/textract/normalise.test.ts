import { describe, expect, it } from 'vitest';
import { invoiceBlocks, invoiceOcr } from '../../../tests/support/textract-blocks';
import { normaliseBlocks } from './normalise';

describe('normaliseBlocks', () => {
  it('turns pages, lines, form fields and tables into text, lines, keyValues and tables', () => {
    const { lines, keyValues, tables } = invoiceOcr();
    expect(normaliseBlocks(invoiceBlocks(), 1)).toEqual({
      text: 'ACME Corp\nInvoice number: INV-42\nTotal 1234.50 EUR',
      pages: 1,
      lines,
      keyValues,
      tables,
    });
  });

  it('ties blocks by id whatever their order, across pages, and counts pages without metadata', () => {
    const blocks = [...invoiceBlocks(1), ...invoiceBlocks(2)].reverse();
    const output = normaliseBlocks(blocks);
    expect(output.pages).toBe(2);
    expect(output.keyValues.map(({ key, value, page }) => `${page}: ${key} ${value}`).sort()).toEqual([
      '1: Invoice number: INV-42',
      '1: Paid NOT_SELECTED',
      '2: Invoice number: INV-42',
      '2: Paid NOT_SELECTED',
    ]);
    expect(output.tables.map((table) => table.page).sort()).toEqual([1, 2]);
    expect(output.tables[0].rows).toEqual(invoiceOcr().tables[0].rows);
  });

  it('places a merged cell at its first row and column, leaving the cells it covers empty', () => {
    const output = normaliseBlocks([
      { BlockType: 'TABLE', Id: 't', Page: 1, Relationships: [{ Type: 'CHILD', Ids: ['a', 'b'] }] },
      {
        BlockType: 'CELL',
        Id: 'a',
        RowIndex: 1,
        ColumnIndex: 1,
        RowSpan: 1,
        ColumnSpan: 2,
        Relationships: [{ Type: 'CHILD', Ids: ['w'] }],
      },
      { BlockType: 'CELL', Id: 'b', RowIndex: 2, ColumnIndex: 2, RowSpan: 1, ColumnSpan: 1 },
      { BlockType: 'WORD', Id: 'w', Text: 'Header' },
    ]);
    expect(output.tables).toEqual([
      {
        page: 1,
        rows: [
          ['Header', ''],
          ['', ''],
        ],
      },
    ]);
    expect(output).toMatchObject({ text: '', pages: 1, lines: [], keyValues: [] });
  });
});
