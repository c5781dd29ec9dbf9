'use client';

import Link from 'next/link';
import { ArrowLeft, History, Redo2, Undo2 } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { ConnectionState } from './use-collab-draft';
import type { PeerPresence, PresenceUser } from './use-presence';

const CONNECTION: Record<ConnectionState, { tone: 'success' | 'warning' | 'danger'; label: string }> = {
  connected: { tone: 'success', label: 'Live' },
  connecting: { tone: 'warning', label: 'Connecting…' },
  offline: { tone: 'danger', label: 'Offline: edits are kept and merge on reconnect' },
};

export interface EditorHeaderProps {
  name: string;
  onRename: (name: string) => void;
  connection: ConnectionState;
  /** The draft has arrived from the server (editing starts then). */
  loaded: boolean;
  me: PresenceUser;
  peers: PeerPresence[];
  readOnly: boolean;
  /** A version or a diff is on the canvas: the draft's editing tools are put away. */
  viewing: boolean;
  canPublish: boolean;
  canRun: boolean;
  publishing: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onPublish: () => void;
  onRun: () => void;
  onHelp: () => void;
  onSettings: () => void;
  onLayout: () => void;
  versionsOpen: boolean;
  onVersions: () => void;
  runLink?: { href: string; status: string };
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

/** Name, connection state, who is here, and the publish and run actions. */
export function EditorHeader(props: EditorHeaderProps) {
  const connection =
    props.connection === 'connected' && !props.loaded
      ? { tone: 'warning' as const, label: 'Loading the draft…' }
      : CONNECTION[props.connection];
  return (
    <header className="flex items-center gap-3 border-b border-border px-4 py-2">
      <Link href="/" className="text-muted-foreground hover:text-foreground" aria-label="Back to workflows">
        <ArrowLeft className="size-4" />
      </Link>
      <input
        aria-label="Workflow name"
        className="min-w-0 flex-1 rounded bg-transparent px-1 py-1 text-base font-semibold outline-none focus:ring-1 focus:ring-ring"
        defaultValue={props.name}
        key={props.name}
        readOnly={props.readOnly}
        onBlur={(event) =>
          event.target.value.trim() && event.target.value !== props.name && props.onRename(event.target.value.trim())
        }
      />
      <Badge tone={connection.tone} data-testid="connection-state">
        {connection.label}
      </Badge>
      {props.readOnly && <Badge>View only</Badge>}
      <div className="flex -space-x-2" aria-label="People here">
        {[{ clientId: 0, user: props.me }, ...props.peers].map(({ clientId, user }) => (
          <span
            key={clientId}
            title={clientId === 0 ? `${user.name} (you)` : user.name}
            className="flex size-7 items-center justify-center rounded-full border-2 border-surface text-[10px] font-semibold text-white"
            style={{ background: user.color }}
          >
            {initials(user.name)}
          </span>
        ))}
      </div>
      {!props.readOnly && !props.viewing && (
        <>
          <Button variant="ghost" size="icon" onClick={props.onUndo} aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)">
            <Undo2 className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            onClick={props.onRedo}
            aria-label="Redo (Ctrl+Shift+Z)"
            title="Redo (Ctrl+Shift+Z)"
          >
            <Redo2 className="size-4" />
          </Button>
        </>
      )}
      {!props.readOnly && !props.viewing && (
        <Button variant="ghost" size="sm" onClick={props.onLayout} title="Lay the graph out left to right">
          Auto-layout
        </Button>
      )}
      <Button
        variant={props.versionsOpen ? 'secondary' : 'ghost'}
        size="sm"
        onClick={props.onVersions}
        aria-pressed={props.versionsOpen}
        title="Published versions: view, compare, restore"
      >
        <History />
        Versions
      </Button>
      {!props.readOnly && !props.viewing && (
        <Button variant="ghost" size="sm" onClick={props.onSettings} title="Error workflow, run timeout, runs at once">
          Settings
        </Button>
      )}
      <Button variant="ghost" size="sm" onClick={props.onHelp} title="Keyboard shortcuts (?)">
        Shortcuts
      </Button>
      {props.runLink && (
        <Link href={props.runLink.href} className="text-sm text-primary underline-offset-2 hover:underline">
          Run: {props.runLink.status.toLowerCase()}
        </Link>
      )}
      {props.canRun && (
        <Button variant="secondary" onClick={props.onRun}>
          Run
        </Button>
      )}
      {props.canPublish && (
        <Button onClick={props.onPublish} disabled={props.publishing}>
          {props.publishing ? 'Publishing…' : 'Publish'}
        </Button>
      )}
    </header>
  );
}
