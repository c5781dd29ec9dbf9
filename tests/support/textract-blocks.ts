/**
 * A one-page invoice as Textract's FORMS and TABLES analysis describes it: a page, three lines
 * of words, two form fields (one a ticked box) and a two-by-two table, tied by ids.
 */
export function invoiceBlocks(page = 1) {
  const id = (name: string) => `${name}-p${page}`;
  const word = (name: string, text: string) => ({
    BlockType: 'WORD',
    Id: id(name),
    Text: text,
    Page: page,
    Confidence: 99.1,
  });
  const line = (name: string, text: string, words: string[]) => ({
    BlockType: 'LINE',
    Id: id(name),
    Text: text,
    Page: page,
    Confidence: 98.456,
    Relationships: [{ Type: 'CHILD', Ids: words.map(id) }],
  });
  const cell = (name: string, row: number, column: number, words: string[]) => ({
    BlockType: 'CELL',
    Id: id(name),
    RowIndex: row,
    ColumnIndex: column,
    RowSpan: 1,
    ColumnSpan: 1,
    Page: page,
    Confidence: 95,
    Relationships: words.length ? [{ Type: 'CHILD', Ids: words.map(id) }] : undefined,
  });
  return [
    {
      BlockType: 'PAGE',
      Id: id('page'),
      Page: page,
      Relationships: [{ Type: 'CHILD', Ids: ['l1', 'l2', 'l3'].map(id) }],
    },
    line('l1', 'ACME Corp', ['w-acme', 'w-corp']),
    line('l2', 'Invoice number: INV-42', ['w-invoice', 'w-number', 'w-inv42']),
    line('l3', 'Total 1234.50 EUR', ['w-total', 'w-amount', 'w-eur']),
    word('w-acme', 'ACME'),
    word('w-corp', 'Corp'),
    word('w-invoice', 'Invoice'),
    word('w-number', 'number:'),
    word('w-inv42', 'INV-42'),
    word('w-total', 'Total'),
    word('w-amount', '1234.50'),
    word('w-eur', 'EUR'),
    {
      BlockType: 'KEY_VALUE_SET',
      Id: id('key-number'),
      EntityTypes: ['KEY'],
      Page: page,
      Confidence: 91.234,
      Relationships: [
        { Type: 'VALUE', Ids: [id('value-number')] },
        { Type: 'CHILD', Ids: ['w-invoice', 'w-number'].map(id) },
      ],
    },
    {
      BlockType: 'KEY_VALUE_SET',
      Id: id('value-number'),
      EntityTypes: ['VALUE'],
      Page: page,
      Confidence: 91.234,
      Relationships: [{ Type: 'CHILD', Ids: [id('w-inv42')] }],
    },
    {
      BlockType: 'KEY_VALUE_SET',
      Id: id('key-paid'),
      EntityTypes: ['KEY'],
      Page: page,
      Confidence: 88,
      Relationships: [
        { Type: 'CHILD', Ids: [id('w-paid')] },
        { Type: 'VALUE', Ids: [id('value-paid')] },
      ],
    },
    word('w-paid', 'Paid'),
    {
      BlockType: 'KEY_VALUE_SET',
      Id: id('value-paid'),
      EntityTypes: ['VALUE'],
      Page: page,
      Relationships: [{ Type: 'CHILD', Ids: [id('box-paid')] }],
    },
    { BlockType: 'SELECTION_ELEMENT', Id: id('box-paid'), SelectionStatus: 'NOT_SELECTED', Page: page },
    {
      BlockType: 'TABLE',
      Id: id('table'),
      Page: page,
      Relationships: [{ Type: 'CHILD', Ids: ['c11', 'c12', 'c21', 'c22'].map(id) }],
    },
    cell('c11', 1, 1, ['w-total']),
    cell('c12', 1, 2, ['w-amount', 'w-eur']),
    cell('c21', 2, 1, ['w-paid']),
    cell('c22', 2, 2, []),
  ];
}

/** What normalising `invoiceBlocks(page)` gives, page by page. */
export function invoiceOcr(page = 1) {
  return {
    lines: [
      { text: 'ACME Corp', page, confidence: 98.46 },
      { text: 'Invoice number: INV-42', page, confidence: 98.46 },
      { text: 'Total 1234.50 EUR', page, confidence: 98.46 },
    ],
    keyValues: [
      { key: 'Invoice number:', value: 'INV-42', page, confidence: 91.23 },
      { key: 'Paid', value: 'NOT_SELECTED', page, confidence: 88 },
    ],
    tables: [
      {
        page,
        rows: [
          ['Total', '1234.50 EUR'],
          ['Paid', ''],
        ],
      },
    ],
  };
}
