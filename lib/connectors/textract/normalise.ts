import { z } from 'zod';

/** A Textract block as AnalyzeDocument and GetDocumentAnalysis return it (the fields read here). */
export interface TextractBlock {
  BlockType?: string;
  Id?: string;
  Text?: string;
  Page?: number;
  Confidence?: number;
  EntityTypes?: string[];
  SelectionStatus?: string;
  RowIndex?: number;
  ColumnIndex?: number;
  RowSpan?: number;
  ColumnSpan?: number;
  Relationships?: { Type?: string; Ids?: string[] }[];
}

export const ocrOutput = z.object({
  /** Every line, in reading order, one per row of text. */
  text: z.string(),
  pages: z.number().int(),
  lines: z.array(z.object({ text: z.string(), page: z.number().int(), confidence: z.number() })),
  /** Form fields: a label and what is written (or ticked) beside it. */
  keyValues: z.array(z.object({ key: z.string(), value: z.string(), page: z.number().int(), confidence: z.number() })),
  /** Each table's cells by row, as text; a merged cell's text is in its first row and column. */
  tables: z.array(z.object({ page: z.number().int(), rows: z.array(z.array(z.string())) })),
});

export type OcrOutput = z.infer<typeof ocrOutput>;

const round = (confidence: number | undefined) => Math.round((confidence ?? 0) * 100) / 100;

/**
 * Turns Textract's graph of blocks (pages hold lines, lines hold words, key-value sets point at
 * their values, tables hold cells) into the node's plain output. Blocks may come in any order and
 * over several GetDocumentAnalysis pages; ids tie them together.
 */
export function normaliseBlocks(blocks: readonly TextractBlock[], pageCount?: number): OcrOutput {
  const byId = new Map<string, TextractBlock>();
  for (const block of blocks) if (block.Id) byId.set(block.Id, block);
  const related = (block: TextractBlock, type: string) =>
    (block.Relationships ?? [])
      .filter((relationship) => relationship.Type === type)
      .flatMap((relationship) => relationship.Ids ?? [])
      .map((id) => byId.get(id))
      .filter((child): child is TextractBlock => child !== undefined);
  // The words (and ticked boxes) a key, value or cell holds, as one text.
  const childText = (block: TextractBlock) =>
    related(block, 'CHILD')
      .map((child) => (child.BlockType === 'SELECTION_ELEMENT' ? (child.SelectionStatus ?? '') : (child.Text ?? '')))
      .filter((text) => text !== '')
      .join(' ');
  const pageOf = (block: TextractBlock) => block.Page ?? 1;

  const lines = blocks
    .filter((block) => block.BlockType === 'LINE')
    .map((block) => ({ text: block.Text ?? '', page: pageOf(block), confidence: round(block.Confidence) }));

  const keyValues = blocks
    .filter((block) => block.BlockType === 'KEY_VALUE_SET' && block.EntityTypes?.includes('KEY'))
    .map((key) => ({
      key: childText(key),
      value: related(key, 'VALUE').map(childText).join(' '),
      page: pageOf(key),
      confidence: round(key.Confidence),
    }));

  const tables = blocks
    .filter((block) => block.BlockType === 'TABLE')
    .map((table) => {
      const cells = related(table, 'CHILD').filter((cell) => cell.BlockType === 'CELL');
      const rowCount = Math.max(0, ...cells.map((cell) => (cell.RowIndex ?? 1) + (cell.RowSpan ?? 1) - 1));
      const columnCount = Math.max(0, ...cells.map((cell) => (cell.ColumnIndex ?? 1) + (cell.ColumnSpan ?? 1) - 1));
      const rows = Array.from({ length: rowCount }, () => Array.from({ length: columnCount }, () => ''));
      for (const cell of cells) rows[(cell.RowIndex ?? 1) - 1][(cell.ColumnIndex ?? 1) - 1] = childText(cell);
      return { page: pageOf(table), rows };
    });

  const pages =
    pageCount ??
    Math.max(
      0,
      blocks.filter((block) => block.BlockType === 'PAGE').length,
      ...[...lines, ...keyValues, ...tables].map((item) => item.page),
    );
  return { text: lines.map((line) => line.text).join('\n'), pages, lines, keyValues, tables };
}
