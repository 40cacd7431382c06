import { Alert, Button, Divider, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ADMIN_LOCKOUT_MESSAGES, adminLockout, type Role } from '@preauth/domain';
import { useState } from 'react';
import { useMe } from '../../features/auth/api/useMe';
import { useCreateUser } from '../../features/users/api/useCreateUser';
import { useUpdateUser } from '../../features/users/api/useUpdateUser';
import { type User, useUsers } from '../../features/users/api/useUsers';
import { InvitationLinkNotice } from '../../features/users/components/InvitationLinkNotice';
import { OneTimePasswordNotice } from '../../features/users/components/OneTimePasswordNotice';
import { UserAccountActions } from '../../features/users/components/UserAccountActions';
import { UserForm, type UserFormValues } from '../../features/users/components/UserForm';
import { UsersList } from '../../features/users/components/UsersList';
import { QueryState } from '../../ui/QueryState';

const EMPTY_USER: UserFormValues = { email: '', displayName: '', roles: [], providerId: null, invite: false };

type Created = { email: string; password: string } | { email: string; invitation: { path: string; expiresAt: string } };

/** Why this change to an admin would be refused, in the API's own words (null when allowed). */
function lockoutMessage(
  user: User,
  users: readonly User[],
  meId: string,
  next: { roles?: Role[]; disabled?: boolean },
) {
  const lockout = adminLockout({
    userId: user.id,
    roles: user.roles,
    disabled: user.disabled,
    nextRoles: next.roles ?? user.roles,
    nextDisabled: next.disabled ?? user.disabled,
    actorId: meId,
    otherActiveAdmins: users.filter((u) => u.id !== user.id && u.roles.includes('admin') && !u.disabled).length,
  });
  return lockout ? ADMIN_LOCKOUT_MESSAGES[lockout] : null;
}

export function UsersPage() {
  const { data: me } = useMe();
  const users = useUsers();
  const create = useCreateUser();
  const update = useUpdateUser();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const list = users.data ?? [];
  const editing = list.find((user) => user.id === editingId) ?? null;

  const closeCreate = () => {
    setCreating(false);
    setCreated(null);
  };

  const handleCreate = async (values: UserFormValues) => {
    const user = await create.mutateAsync({
      email: values.email,
      displayName: values.displayName,
      roles: values.roles,
      ...(values.providerId ? { providerId: values.providerId } : {}),
      ...(values.invite ? { invite: true } : {}),
    });
    setCreated(
      user.invitation
        ? { email: user.email, invitation: user.invitation }
        : { email: user.email, password: user.oneTimePassword ?? '' },
    );
  };

  const handleEdit = async (user: User, values: UserFormValues) => {
    await update.mutateAsync({
      id: user.id,
      body: {
        displayName: values.displayName,
        roles: values.roles,
        providerId: values.roles.includes('physician') ? values.providerId : null,
      },
    });
    notifications.show({ color: 'teal', message: `${values.displayName} saved.` });
    setEditingId(null);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2}>Users</Title>
          <Text c="dimmed" size="sm">
            Who can sign in, with which roles.
          </Text>
        </div>
        <Button onClick={() => setCreating(true)}>Add user</Button>
      </Group>
      <Alert color="blue" title="Rules the system keeps" role="note">
        <List size="sm" spacing={2}>
          <List.Item>
            There is always at least one active admin: the last one cannot be disabled or lose the role.
          </List.Item>
          <List.Item>You cannot disable yourself or remove your own admin role; another admin must.</List.Item>
          <List.Item>
            Passwords set here are one-time: shown once, and the person chooses their own at first sign-in. An
            invitation link instead lets them choose it themselves: shown once, works once, for 72 hours.
          </List.Item>
          <List.Item>
            A physician is linked to their physician record (NPI) so “My cases” shows their patients.
          </List.Item>
        </List>
      </Alert>
      <QueryState isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} what="users">
        {list.length === 0 ? (
          <Text>No users yet.</Text>
        ) : (
          <UsersList users={list} meId={me?.id ?? null} onManage={setEditingId} />
        )}
      </QueryState>

      <Modal
        opened={creating}
        onClose={closeCreate}
        title="Add a user"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {created ? (
          <Stack>
            {'invitation' in created ? (
              <InvitationLinkNotice
                email={created.email}
                url={`${window.location.origin}${created.invitation.path}`}
                expiresAt={created.invitation.expiresAt}
              />
            ) : (
              <OneTimePasswordNotice email={created.email} password={created.password} />
            )}
            <Group justify="flex-end">
              <Button onClick={closeCreate}>Done</Button>
            </Group>
          </Stack>
        ) : (
          <UserForm
            mode="create"
            initial={EMPTY_USER}
            submitLabel="Create user"
            onSubmit={handleCreate}
            onCancel={closeCreate}
          />
        )}
      </Modal>

      <Modal
        opened={!!editing}
        onClose={() => setEditingId(null)}
        title={editing ? `${editing.displayName} · ${editing.email}` : 'User'}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {editing && me && (
          <Stack>
            <UserForm
              key={editing.id}
              mode="edit"
              userId={editing.id}
              initial={{
                email: editing.email,
                displayName: editing.displayName,
                roles: editing.roles,
                providerId: editing.provider?.id ?? null,
              }}
              adminRoleLocked={lockoutMessage(editing, list, me.id, {
                roles: editing.roles.filter((role) => role !== 'admin'),
              })}
              submitLabel="Save changes"
              onSubmit={(values) => handleEdit(editing, values)}
              onCancel={() => setEditingId(null)}
            />
            <Divider label="Account" labelPosition="left" />
            <UserAccountActions
              user={editing}
              disableLocked={lockoutMessage(editing, list, me.id, { disabled: true })}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
