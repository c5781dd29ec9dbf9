import { at, type WorkflowTemplate } from './template';

export const approvalTimeout: WorkflowTemplate = {
  id: 'approval-timeout',
  name: 'Approval with a deadline',
  description:
    'Asks a person to approve an expense; acts on approval, records a rejection, and fails after a day of silence.',
  definition: {
    nodes: [
      { id: 'start', type: 'trigger.manual', name: 'Expense submitted', position: at(0, 1) },
      {
        id: 'review',
        type: 'human.approval',
        name: 'Manager review',
        config: { message: 'Approve an expense of {{ input.amount }} for {{ input.purpose }}?', timeoutMs: 86_400_000 },
        position: at(1, 1),
      },
      {
        id: 'pay',
        type: 'http.request',
        name: 'Schedule the payment',
        config: {
          method: 'POST',
          url: 'https://httpbin.org/post',
          body: {
            type: 'json',
            value: { amount: '{{ input.amount }}', approver: '{{ nodes.review.output.approver }}' },
          },
        },
        position: at(2, 0),
      },
      {
        id: 'paid',
        type: 'flow.output',
        name: 'Paid',
        config: { value: { decision: 'approved', comment: '{{ nodes.review.output.comment }}' } },
        position: at(3, 0),
      },
      {
        id: 'declined',
        type: 'flow.output',
        name: 'Declined',
        config: { value: { decision: 'rejected', comment: '{{ nodes.review.output.comment }}' } },
        position: at(2, 1),
      },
      {
        id: 'expired',
        type: 'flow.stopAndError',
        name: 'No decision in time',
        config: { message: 'Nobody decided on the expense within a day', code: 'ApprovalTimedOut' },
        position: at(2, 2),
      },
    ],
    edges: [
      { source: 'start', target: 'review' },
      { source: 'review', sourceHandle: 'approved', target: 'pay' },
      { source: 'pay', target: 'paid' },
      { source: 'review', sourceHandle: 'rejected', target: 'declined' },
      { source: 'review', sourceHandle: 'timeout', target: 'expired' },
    ],
  },
};
