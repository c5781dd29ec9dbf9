import type { LucideIconData } from 'lucide-react';
import * as box from 'lucide-react/icons/box';
import * as braces from 'lucide-react/icons/braces';
import * as calendarClock from 'lucide-react/icons/calendar-clock';
import * as code from 'lucide-react/icons/code';
import * as database from 'lucide-react/icons/database';
import * as gitBranchPlus from 'lucide-react/icons/git-branch-plus';
import * as gitFork from 'lucide-react/icons/git-fork';
import * as globe from 'lucide-react/icons/globe';
import * as logOut from 'lucide-react/icons/log-out';
import * as mail from 'lucide-react/icons/mail';
import * as merge from 'lucide-react/icons/merge';
import * as messageSquare from 'lucide-react/icons/message-square';
import * as octagonX from 'lucide-react/icons/octagon-x';
import * as play from 'lucide-react/icons/play';
import * as radioTower from 'lucide-react/icons/radio-tower';
import * as repeat from 'lucide-react/icons/repeat';
import * as scanText from 'lucide-react/icons/scan-text';
import * as send from 'lucide-react/icons/send';
import * as sparkles from 'lucide-react/icons/sparkles';
import * as split from 'lucide-react/icons/split';
import * as timer from 'lucide-react/icons/timer';
import * as userCheck from 'lucide-react/icons/user-check';
import * as variable from 'lucide-react/icons/variable';
import * as webhook from 'lucide-react/icons/webhook';
import * as workflow from 'lucide-react/icons/workflow';
import { nodeIconStyleSheet } from './node-icon-image';

// lucide-react's module for each icon also exports the icon's drawing, which its types leave out.
const iconData = (module: object) => (module as { __iconData: LucideIconData }).__iconData;

const FALLBACK = 'box';

// The icons node types name (lib/connectors/nodes), one module each, not lucide's whole set.
export const NODE_ICONS: Record<string, LucideIconData> = {
  braces: iconData(braces),
  'calendar-clock': iconData(calendarClock),
  code: iconData(code),
  database: iconData(database),
  'git-branch-plus': iconData(gitBranchPlus),
  'git-fork': iconData(gitFork),
  globe: iconData(globe),
  'log-out': iconData(logOut),
  mail: iconData(mail),
  merge: iconData(merge),
  'message-square': iconData(messageSquare),
  'octagon-x': iconData(octagonX),
  play: iconData(play),
  'radio-tower': iconData(radioTower),
  repeat: iconData(repeat),
  'scan-text': iconData(scanText),
  send: iconData(send),
  sparkles: iconData(sparkles),
  split: iconData(split),
  timer: iconData(timer),
  'user-check': iconData(userCheck),
  variable: iconData(variable),
  webhook: iconData(webhook),
  workflow: iconData(workflow),
};

// Each icon's style sheet, by name, the plain box's included.
const STYLE_SHEETS: Record<string, string> = Object.fromEntries(
  Object.entries({ ...NODE_ICONS, [FALLBACK]: iconData(box) }).map(([name, icon]) => [
    name,
    nodeIconStyleSheet(name, icon),
  ]),
);

/**
 * A node type's icon, drawn by its style sheet (node-icon-image.ts), which React adds to the page
 * once, however many nodes show the icon: a page carries the drawings of the icons it shows.
 */
export function NodeIcon({ name, className }: { name: string; className?: string }) {
  const drawn = Object.hasOwn(NODE_ICONS, name) ? name : FALLBACK;
  return (
    <>
      <style href={`node-icon-${drawn}`} precedence="default">
        {STYLE_SHEETS[drawn]}
      </style>
      <span
        aria-hidden
        data-node-icon={drawn}
        // Joined, not merged with cn(): one is drawn per node, and callers add only size and spacing.
        className={`inline-block bg-contain bg-center bg-no-repeat ${className ?? ''}`}
      />
    </>
  );
}
