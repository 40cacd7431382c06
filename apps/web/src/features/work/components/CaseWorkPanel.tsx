import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  OWNER_ROLES,
  refuseOwnerChange,
  ROLE_LABELS,
  TASK_KIND_LABELS,
  TASK_KINDS,
  type CaseStatus,
  type Role,
  type TaskKind,
} from '@preauth/domain';
import { useState } from 'react';
import { useMe } from '../../auth/api/useMe';
import { formatCalendarDate } from '../../../ui/format';
import type { Task } from '../api/types';
import { useCaseWork } from '../api/useCaseWork';
import { useStaff } from '../api/useStaff';
import { useCloseTask, useCreateTask, useSetOwner } from '../api/useWorkMutations';
import { assigneeLabel } from '../model/assignee';
import { FollowUpSection } from './FollowUpSection';
import { errorText } from '../../../ui/server-errors';

function OwnerRow({ caseId, status }: { caseId: string; status: CaseStatus }) {
  const { data: me } = useMe();
  const work = useCaseWork(caseId);
  const staff = useStaff();
  const setOwner = useSetOwner(caseId);
  const owner = work.data?.owner ?? null;
  const roles = me?.roles ?? [];
  // Until the owner is known, no button can say whether it applies.
  const known = !!me && work.isSuccess;
  const mayReassign =
    known &&
    refuseOwnerChange({
      actorId: me.id,
      actorRoles: roles,
      currentOwnerId: owner?.id ?? null,
      newOwnerId: null,
      caseStatus: status,
    }) === null;
  const mayTake =
    known &&
    owner?.id !== me.id &&
    roles.some((r) => OWNER_ROLES.includes(r)) &&
    refuseOwnerChange({
      actorId: me.id,
      actorRoles: roles,
      currentOwnerId: owner?.id ?? null,
      newOwnerId: me.id,
      caseStatus: status,
    }) === null;
  const candidates = (staff.data ?? []).filter((u) => u.roles.some((r) => OWNER_ROLES.includes(r)));

  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          Owner:{' '}
          <Text span fw={600} data-testid="case-owner">
            {work.isPending ? '…' : (owner?.name ?? 'Unassigned')}
          </Text>
        </Text>
        {mayTake && (
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => me && setOwner.mutate(me.id)}
            loading={setOwner.isPending}
          >
            Take it
          </Button>
        )}
      </Group>
      {mayReassign && (
        <Select
          label="Assign to"
          placeholder="Choose a colleague"
          size="sm"
          data={candidates.map((u) => ({ value: u.id, label: u.displayName }))}
          value={owner?.id ?? null}
          onChange={(value) => value && value !== owner?.id && setOwner.mutate(value)}
          searchable
          disabled={setOwner.isPending}
        />
      )}
      {setOwner.error && (
        <Text size="sm" c="red" role="alert">
          {errorText(setOwner.error)}
        </Text>
      )}
    </Stack>
  );
}

function TaskItem({ task, meId, roles }: { task: Task; meId: string; roles: readonly Role[] }) {
  const close = useCloseTask();
  const isAssignee =
    task.assigneeUser?.id === meId || (task.assigneeRole !== null && roles.includes(task.assigneeRole));
  const isAsker = task.createdBy.id === meId;
  const isManager = roles.includes('manager');
  const open = task.status === 'open';
  return (
    <Paper withBorder p="xs" data-testid="case-task">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" fw={600}>
            {task.title}
          </Text>
          <Text size="xs" c="dimmed">
            For {assigneeLabel(task)} · due {formatCalendarDate(task.dueDate)} · asked by {task.createdBy.name}
          </Text>
          {task.closeReason && (
            <Text size="xs" c="dimmed">
              {task.closeReason}
            </Text>
          )}
        </div>
        <Badge
          variant="light"
          color={open ? 'blue' : task.status === 'done' ? 'green' : 'gray'}
          style={{ flexShrink: 0 }}
        >
          {task.status}
        </Badge>
      </Group>
      {open && (isAssignee || isAsker || isManager) && (
        <Group gap="xs" mt={6}>
          <Button
            size="compact-xs"
            onClick={() => close.mutate({ id: task.id, outcome: 'done' })}
            loading={close.isPending}
          >
            Mark done
          </Button>
          {(isAsker || isManager) && (
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => close.mutate({ id: task.id, outcome: 'cancel' })}
              disabled={close.isPending}
            >
              Cancel task
            </Button>
          )}
        </Group>
      )}
      {close.error && (
        <Text size="xs" c="red" role="alert">
          {errorText(close.error)}
        </Text>
      )}
    </Paper>
  );
}

const todayIso = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

function NewTaskForm({ caseId }: { caseId: string }) {
  const staff = useStaff();
  const create = useCreateTask(caseId);
  const [kind, setKind] = useState<TaskKind>('document_findings');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState(todayIso());
  const [title, setTitle] = useState('');
  const options = [
    {
      group: 'People',
      items: (staff.data ?? []).map((u) => ({ value: `user:${u.id}`, label: u.displayName })),
    },
    {
      group: 'Anyone with the role',
      items: OWNER_ROLES.map((r) => ({ value: `role:${r}`, label: ROLE_LABELS[r] })),
    },
  ];
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!assignee) return;
    const [type, value] = assignee.split(':');
    create.mutate(
      {
        kind,
        dueDate,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(type === 'user' ? { assigneeUserId: value } : { assigneeRole: value as Role }),
      },
      { onSuccess: () => setTitle('') },
    );
  };
  return (
    <form onSubmit={handleSubmit} aria-label="Ask for something">
      <Stack gap="xs">
        <Select
          label="Ask for"
          data={TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))}
          value={kind}
          onChange={(value) => value && setKind(value)}
          allowDeselect={false}
          size="sm"
        />
        <TextInput
          label="Details (optional)"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          size="sm"
        />
        <Select
          label="From"
          placeholder="A person or a role"
          data={options}
          value={assignee}
          onChange={setAssignee}
          searchable
          size="sm"
          required
        />
        <TextInput
          label="Due"
          type="date"
          value={dueDate}
          onChange={(e) => setDueDate(e.currentTarget.value)}
          size="sm"
          required
        />
        {create.error && (
          <Alert color="red" p="xs" role="alert">
            {errorText(create.error)}
          </Alert>
        )}
        <Button type="submit" size="sm" loading={create.isPending} disabled={!assignee || !dueDate}>
          Ask
        </Button>
      </Stack>
    </form>
  );
}

/** Who handles the case and what was asked of whom on it. */
export function CaseWorkPanel({ caseId, status, closed }: { caseId: string; status: CaseStatus; closed: boolean }) {
  const { data: me } = useMe();
  const work = useCaseWork(caseId);
  const [asking, setAsking] = useState(false);
  const tasks = work.data?.tasks ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="work-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="work-title">
          Owner, follow-up and tasks
        </Title>
        <OwnerRow caseId={caseId} status={status} />
        <FollowUpSection caseId={caseId} work={work.data} closed={closed} />
        {tasks.length === 0 && !work.isPending && (
          <Text size="sm" c="dimmed">
            Nothing asked on this case yet.
          </Text>
        )}
        {me && tasks.map((task) => <TaskItem key={task.id} task={task} meId={me.id} roles={me.roles} />)}
        {!closed &&
          (asking ? (
            <NewTaskForm caseId={caseId} />
          ) : (
            <Button variant="default" size="sm" onClick={() => setAsking(true)}>
              Ask someone for something
            </Button>
          ))}
      </Stack>
    </Paper>
  );
}
