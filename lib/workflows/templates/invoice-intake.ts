import { at, type WorkflowTemplate } from './template';

// Stands for "choose one": each node that names a credential needs one of the org's own.
const CHOOSE_CREDENTIAL = '00000000-0000-0000-0000-000000000000';
const invoice = '{{ nodes.extract.output.json }}';
const field = (name: string) => `{{ nodes.extract.output.json.${name} }}`;

/** What the model must answer: the invoice's fields, checked before anything is booked. */
export const invoiceSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['vendor', 'invoiceNumber', 'date', 'total', 'currency', 'lineItems'],
  properties: {
    vendor: { type: 'string', minLength: 1 },
    invoiceNumber: { type: 'string', minLength: 1 },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    total: { type: 'number' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    lineItems: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['description', 'amount'],
        properties: {
          description: { type: 'string' },
          quantity: { type: 'number' },
          amount: { type: 'number' },
        },
      },
    },
  },
} as const;

export const invoiceIntake: WorkflowTemplate = {
  id: 'invoice-intake',
  name: 'Invoice intake',
  description:
    'A webhook receives an uploaded invoice’s file id; Textract reads it, an LLM extracts vendor, number, date, total, currency and line items, invoices over 1000 wait for an approval, booked ones go into Postgres and to Slack, and a rejection is emailed. Choose a credential in each node that names one.',
  definition: {
    nodes: [
      {
        id: 'hook',
        type: 'trigger.webhook',
        name: 'Invoice received',
        config: { methods: ['POST'] },
        position: at(0, 1),
      },
      {
        id: 'ocr',
        type: 'ocr.textract',
        name: 'Read the invoice',
        config: { credentialId: CHOOSE_CREDENTIAL, source: 'file', fileId: '{{ input.body.fileId }}' },
        position: at(1, 1),
      },
      {
        id: 'extract',
        type: 'ai.llm',
        name: 'Extract the fields',
        config: {
          credentialId: CHOOSE_CREDENTIAL,
          model: 'claude-sonnet-4-5',
          system:
            'You read invoices. Answer with one JSON object and nothing else. Dates are YYYY-MM-DD, currencies ISO 4217 codes, amounts numbers.',
          prompt:
            'Extract vendor, invoiceNumber, date, total, currency and lineItems (description, quantity, amount) from this invoice.\n\nText:\n{{ nodes.ocr.output.text }}\n\nForm fields:\n{{ $string(nodes.ocr.output.keyValues) }}\n\nTables:\n{{ $string(nodes.ocr.output.tables) }}',
          temperature: 0,
          outputSchema: invoiceSchema,
        },
        position: at(2, 1),
      },
      {
        id: 'large',
        type: 'logic.if',
        name: 'Over 1000?',
        config: { condition: '{{ nodes.extract.output.json.total > 1000 }}' },
        position: at(3, 1),
      },
      {
        id: 'approve',
        type: 'human.approval',
        name: 'Approve the invoice',
        config: {
          message: `Book invoice ${field('invoiceNumber')} from ${field('vendor')} for ${field('total')} ${field('currency')}?`,
          // Three days; no decision by then counts as a rejection.
          timeoutMs: 259_200_000,
        },
        position: at(4, 0),
      },
      {
        id: 'book',
        type: 'postgres.insert',
        name: 'Book it',
        config: {
          credentialId: CHOOSE_CREDENTIAL,
          table: 'invoices',
          rows: {
            vendor: field('vendor'),
            invoice_number: field('invoiceNumber'),
            invoice_date: field('date'),
            total: field('total'),
            currency: field('currency'),
            line_items: field('lineItems'),
          },
        },
        position: at(5, 1),
      },
      {
        id: 'announce',
        type: 'slack.postMessage',
        name: 'Tell accounts',
        config: {
          credentialId: CHOOSE_CREDENTIAL,
          channel: '#invoices',
          text: `Booked invoice ${field('invoiceNumber')} from ${field('vendor')}: ${field('total')} ${field('currency')}`,
        },
        position: at(6, 1),
      },
      {
        id: 'booked',
        type: 'flow.output',
        name: 'Booked',
        config: { value: { booked: true, invoice } },
        position: at(7, 1),
      },
      {
        id: 'reject',
        type: 'email.send',
        name: 'Email the rejection',
        config: {
          credentialId: CHOOSE_CREDENTIAL,
          to: 'accounts@example.com',
          subject: `Invoice ${field('invoiceNumber')} from ${field('vendor')} was not approved`,
          text: `Invoice ${field('invoiceNumber')} from ${field('vendor')} for ${field('total')} ${field('currency')} was not booked: it was rejected, or nobody decided within three days.`,
        },
        position: at(5, 0),
      },
      {
        id: 'rejected',
        type: 'flow.output',
        name: 'Not booked',
        config: { value: { booked: false, invoice } },
        position: at(6, 0),
      },
    ],
    edges: [
      { source: 'hook', target: 'ocr' },
      { source: 'ocr', target: 'extract' },
      { source: 'extract', target: 'large' },
      { source: 'large', sourceHandle: 'true', target: 'approve' },
      { source: 'large', sourceHandle: 'false', target: 'book' },
      { source: 'approve', sourceHandle: 'approved', target: 'book' },
      { source: 'approve', sourceHandle: 'rejected', target: 'reject' },
      { source: 'approve', sourceHandle: 'timeout', target: 'reject' },
      { source: 'book', target: 'announce' },
      { source: 'announce', target: 'booked' },
      { source: 'reject', target: 'rejected' },
    ],
  },
};
