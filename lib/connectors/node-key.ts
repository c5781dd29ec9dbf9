/** Registry key of a node type version. */
export const nodeKey = (type: string, version: number) => `${type}@${version}`;
