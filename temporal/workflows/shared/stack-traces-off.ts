// Temporal's SDK records where each promise a workflow creates was made, for the Temporal UI's
// stack-trace query: for every promise it builds an Error and maps each of its frames through the
// bundle's source map. That cost about a quarter of a run's CPU in the workflow thread, for a view
// this product does not use. With no frames captured, errors raised in workflow code keep their
// type and message (activities keep their stacks); WORKFLOW_STACK_TRACES=true leaves this module
// out when debugging the interpreter.
Error.stackTraceLimit = 0;
