/** Registry key of a node type version. */
export const nodeKey = (type: string, version: number) => `${type}@${version}`;

/** The Temporal activity that runs an activity node: its type, plus the version past the first. */
export const activityName = (type: string, version: number) => (version === 1 ? type : nodeKey(type, version));
