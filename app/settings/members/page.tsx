import type { Metadata } from 'next';
import { Badge } from '@/components/ui/badge';
import { RowAction } from '@/components/ui/row-action';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Cell, DataTable } from '@/components/ui/table';
import { formatRelativeTime } from '@/components/format';
import { requireOrg } from '@/lib/auth/current-org';
import { isAllowed } from '@/lib/auth/policy';
import { listMembers } from '@/lib/members/members';
import { listInvitations } from '@/lib/members/invitations';
import { InviteForm } from './invite-form';
import { MemberControls } from './member-controls';
import { revokeInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Members' };

export default async function MembersPage() {
  const org = await requireOrg();
  const canManage = isAllowed(org.role, 'member:manage');
  const [members, invitations] = await Promise.all([listMembers(org), listInvitations(org)]);
  return (
    <div className="flex flex-col gap-6">
      {canManage && (
        <Card>
          <CardHeader>
            <CardTitle>Invite someone</CardTitle>
            <CardDescription>They get a link to join {org.orgName} with the role you pick.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm />
          </CardContent>
        </Card>
      )}
      <DataTable columns={['Member', 'Joined', canManage ? '' : 'Role']} isEmpty={false} empty="">
        {members.map((member) => (
          <tr key={member.user.id}>
            <Cell>
              <div className="font-medium">{member.user.name ?? member.user.email}</div>
              <div className="text-xs text-muted-foreground">
                {member.user.email}
                {member.user.id === org.userId && ' · you'}
              </div>
            </Cell>
            <Cell className="text-muted-foreground">{formatRelativeTime(member.createdAt)}</Cell>
            <Cell className="text-right">
              {canManage ? (
                <MemberControls userId={member.user.id} role={member.role} email={member.user.email} />
              ) : (
                <Badge>{member.role.toLowerCase()}</Badge>
              )}
            </Cell>
          </tr>
        ))}
      </DataTable>
      {invitations.length > 0 && (
        <DataTable columns={['Invited', 'Role', 'Expires', '']} isEmpty={false} empty="">
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <Cell className="font-medium">{invitation.email}</Cell>
              <Cell>
                <Badge tone="info">{invitation.role.toLowerCase()}</Badge>
              </Cell>
              <Cell className="text-muted-foreground">{formatRelativeTime(invitation.expiresAt)}</Cell>
              <Cell className="text-right">
                {canManage && <RowAction action={revokeInvitationAction} id={invitation.id} label="Withdraw" />}
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
