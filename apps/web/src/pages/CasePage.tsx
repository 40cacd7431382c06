import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  findAnsweredEvent,
  isTerminalStatus,
  NO_CARC_DESCRIPTION,
  PAYER_DOCUMENT_KIND_LABELS,
  PLAN_TYPE_LABELS,
  STATUS_LABELS,
} from '@preauth/domain';
import { Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMe } from '../features/auth/api/useMe';
import { mayWriteClinicalFindings } from '../features/auth/roles';
import type { CaseAction, CaseDetail } from '../features/cases/api/types';
import { useCase } from '../features/cases/api/useCase';
import { useTransitionCase } from '../features/cases/api/useTransitionCase';
import { useUpdateCase } from '../features/cases/api/useUpdateCase';
import { ClinicalSummary } from '../features/cases/components/ClinicalSummary';
import { CaseStatusBadge } from '../features/cases/components/CaseStatusBadge';
import { CaseTags } from '../features/cases/components/CaseTags';
import { ClockText } from '../features/cases/components/ClockText';
import { ReadinessChecklist } from '../features/cases/components/ReadinessChecklist';
import { caseToFormValues, toUpdateCaseBody } from '../features/cases/model/case-form-schema';
import { sectionId } from '../features/cases/model/case-section-id';
import { ElectronicSubmission } from '../features/fhir/components/ElectronicSubmission';
import { EVIDENCE_SECTION_IDS } from '../features/evidence/sections';
import { usePayerDocuments } from '../features/correspondence/api/payer-documents';
import { SelfPaySection } from '../features/self-pay/components/SelfPaySection';
import { DescribeCarcCode } from '../features/reference/components/DescribeCarcCode';
import { formatCalendarDate, formatDateTime, formatMrn } from '../ui/format';
import { lazyWithPreload } from '../ui/lazy-with-preload';
import { QueryState } from '../ui/QueryState';
import { WhenNear } from '../ui/WhenNear';

// The edit form and the sections below a phone's first screen load as they come near it (or when a
// link, the readiness checklist or the keyboard leads there).
// Only an approved case has a procedure to book and record, with its number inputs.
const ProcedureSection = lazyWithPreload(
  async () => (await import('../features/cases/components/ProcedureSection')).ProcedureSection,
);
const CaseForm = lazyWithPreload(async () => (await import('../features/cases/components/CaseForm')).CaseForm);
const PhotosSection = lazyWithPreload(
  async () => (await import('../features/evidence/components/PhotosSection')).PhotosSection,
);
const NotesSection = lazyWithPreload(
  async () => (await import('../features/evidence/components/NotesSection')).NotesSection,
);
const LettersSection = lazyWithPreload(
  async () => (await import('../features/letters/components/LettersSection')).LettersSection,
);
const PayerDocumentsSection = lazyWithPreload(
  async () => (await import('../features/correspondence/components/PayerDocumentsSection')).PayerDocumentsSection,
);
const CaseWorkPanel = lazyWithPreload(
  async () => (await import('../features/work/components/CaseWorkPanel')).CaseWorkPanel,
);
const CaseTimeline = lazyWithPreload(
  async () => (await import('../features/cases/components/CaseTimeline')).CaseTimeline,
);

// The step dialog's form and its schema (zod) load when the pointer or the focus reaches a step's
// button, not with the page.
const TransitionForm = lazyWithPreload(
  async () => (await import('../features/cases/components/TransitionForm')).TransitionForm,
);
const loadTransitionBody = async () => (await import('../features/cases/model/transition-schema')).toTransitionBody;

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function CaseHeader({ detail, mayDescribeCodes }: { detail: CaseDetail; mayDescribeCodes: boolean }) {
  return (
    <Paper withBorder p="md" component="header">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2} data-testid="case-title">
            {detail.patient.name}
          </Title>
          <Text c="dimmed" size="sm">
            {detail.caseNumber} · {formatMrn(detail.patient.mrn)} · born{' '}
            {formatCalendarDate(detail.patient.dateOfBirth)}
          </Text>
          <CaseTags caseId={detail.id} tags={detail.tags} />
        </div>
        <Group gap="xs">
          {detail.urgency === 'expedited' && (
            <Badge color="red" variant="outline">
              Expedited
            </Badge>
          )}
          <span data-testid="case-status">
            <CaseStatusBadge status={detail.status} />
          </span>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="md">
        <Fact label="Payer">
          {detail.payer.name}
          <Text size="xs" c="dimmed">
            {PLAN_TYPE_LABELS[detail.payer.planType]}
            {detail.patient.memberId ? ` · member ${detail.patient.memberId}` : ''}
          </Text>
        </Fact>
        <Fact label="Physician">{detail.provider.name}</Fact>
        <Fact label="Procedures">
          {detail.procedureLines.length === 0
            ? '—'
            : detail.procedureLines.map((line) => (
                <div key={`${line.cpt}-${line.bodySite}`}>
                  {line.cpt} × {line.units} · {line.lesionCount} lesion{line.lesionCount === 1 ? '' : 's'} ·{' '}
                  {line.bodySite}
                </div>
              ))}
        </Fact>
        <Fact label="Diagnoses">{detail.diagnoses.join(', ') || '—'}</Fact>
        {detail.authorizationNumber && (
          <Fact label="Authorization">
            {detail.authorizationNumber}
            <Text size="xs" c="dimmed">
              {formatCalendarDate(detail.validFrom)} – {formatCalendarDate(detail.validTo)}
              {detail.approvedUnits != null ? ` · ${detail.approvedUnits} units` : ''}
            </Text>
          </Fact>
        )}
        {detail.denialCode && (
          <Fact label="Denial">
            {detail.denialCode} · {detail.denialDescription ?? NO_CARC_DESCRIPTION}
            {!detail.denialDescription && mayDescribeCodes && <DescribeCarcCode code={detail.denialCode} />}
            {detail.denialText && (
              <Text size="xs" c="dimmed" lineClamp={3}>
                {detail.denialText}
              </Text>
            )}
          </Fact>
        )}
        {detail.appealLevel > 0 && <Fact label="Appeal level">{detail.appealLevel}</Fact>}
        {detail.submittedAt && <Fact label="Submitted">{formatDateTime(detail.submittedAt)}</Fact>}
      </SimpleGrid>
      {detail.clocks.length > 0 && (
        <Stack gap={4} mt="md" component="section" aria-label="Clocks">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Clocks
          </Text>
          {detail.clocks.map((clock) => (
            <Group key={clock.kind} gap="xs">
              <ClockText clock={clock} />
              <Text size="xs" c="dimmed">
                ({clock.owner === 'payer' ? 'payer' : 'clinic'} deadline, {formatCalendarDate(clock.dueDate)})
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function CaseActions({
  actions,
  onChoose,
}: {
  actions: readonly CaseAction[];
  onChoose: (action: CaseAction) => void;
}) {
  // The Procedure section takes the step to completed when it records the last approved unit.
  const shown = actions.filter((action) => action.action !== 'complete');
  const mine = shown.filter((action) => action.allowedForRole);
  const others = shown.filter((action) => !action.allowedForRole);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="actions-title">
      <Title order={3} size="h4" id="actions-title" mb="xs">
        Next steps
      </Title>
      {mine.length === 0 && (
        <Text size="sm" c="dimmed">
          {actions.length === 0
            ? 'This case is closed: nothing more can happen to it.'
            : 'No step in this state is yours to take.'}
        </Text>
      )}
      <Group gap="xs">
        {mine.map((action) => {
          const button = (
            <Button
              key={action.action + action.to}
              variant={action.to === 'withdrawn' ? 'default' : 'filled'}
              color={action.to === 'withdrawn' ? 'red' : undefined}
              disabled={!action.enabled}
              onClick={() => onChoose(action)}
              onPointerEnter={() => void TransitionForm.preload()}
              onFocus={() => void TransitionForm.preload()}
              data-testid={`action-${action.action}`}
            >
              {action.label}
            </Button>
          );
          return action.enabled ? (
            button
          ) : (
            <Tooltip key={action.action + action.to} label={action.blockedBy.join(' ')} multiline w={320} withArrow>
              <span tabIndex={0}>{button}</span>
            </Tooltip>
          );
        })}
      </Group>
      {mine.some((action) => !action.enabled) && (
        <List size="sm" mt="sm" c="dimmed">
          {mine
            .filter((action) => !action.enabled)
            .map((action) => (
              <List.Item key={action.action + action.to}>
                {action.label} is blocked: {action.blockedBy.join(' ')}
              </List.Item>
            ))}
        </List>
      )}
      {others.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          Not for your role: {others.map((action) => action.label).join(', ')}.
        </Text>
      )}
    </Paper>
  );
}

export function CasePage() {
  const { id = '' } = useParams();
  const { data, isPending, error, refetch } = useCase(id);
  const { data: me } = useMe();
  const update = useUpdateCase();
  const transition = useTransitionCase();
  const documents = usePayerDocuments(id);
  const [formWanted, setFormWanted] = useState(false);
  const [chosen, setChosen] = useState<{ action: CaseAction; version: number } | null>(null);
  // The version the edit form is based on: a background refetch must not make a stale form look
  // current (its save would silently overwrite someone else's change instead of answering 409).
  const [formVersion, setFormVersion] = useState<number | null>(null);
  const baseVersion = formVersion ?? data?.version ?? 0;
  const reloadForm = async () => {
    const latest = (await refetch()).data;
    if (!latest) return undefined;
    setFormVersion(latest.version);
    return caseToFormValues(latest);
  };
  const locked = !!data && data.status !== 'documented' && data.status !== 'more_info_requested';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one baseline per case: a refetch of the same case must not reset the form under the user's edits
  const initialValues = useMemo(() => (data ? caseToFormValues(data) : null), [data?.id]);

  const handleFix = (section: string) => {
    const evidenceId = EVIDENCE_SECTION_IDS[section];
    if (evidenceId) {
      const target = document.getElementById(evidenceId);
      target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      target?.focus({ preventScroll: true });
      return;
    }
    // The form's fields exist once its code has loaded: ask for it, then lead there when it renders.
    setFormWanted(true);
    let frames = 0;
    requestAnimationFrame(function lead() {
      const element = document.getElementById(sectionId(section));
      if (!element) {
        if (++frames < 300) requestAnimationFrame(lead);
        return;
      }
      element.scrollIntoView({ behavior: 'smooth', block: 'start' });
      element
        .querySelector<HTMLElement>('input:not([disabled]), textarea:not([disabled])')
        ?.focus({ preventScroll: true });
    });
  };

  return (
    <QueryState isPending={isPending} error={error} onRetry={() => void refetch()} what="the case">
      {data && initialValues && (
        <Stack>
          <Anchor component={Link} to="/cases" size="sm">
            ← All cases
          </Anchor>
          <CaseHeader detail={data} mayDescribeCodes={!!me?.roles.includes('manager')} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <Stack>
                <CaseActions
                  actions={data.actions}
                  onChoose={(action) => setChosen({ action, version: data.version })}
                />
                {(data.status === 'self_pay' || data.events.some((e) => e.toStatus === 'self_pay')) && (
                  <SelfPaySection caseId={data.id} status={data.status} />
                )}
                <ElectronicSubmission
                  detail={data}
                  submitAction={data.actions.find((action) => action.to === 'submitted')}
                />
                {data.procedure && (
                  <Suspense fallback={null}>
                    <ProcedureSection detail={data} />
                  </Suspense>
                )}
                {(data.status === 'documented' || data.status === 'more_info_requested') && (
                  <ReadinessChecklist ready={data.readiness.ready} items={data.readiness.items} onFix={handleFix} />
                )}
                <Card withBorder component="section" aria-labelledby="details-title">
                  <Title order={3} size="h4" id="details-title" mb="xs">
                    Request details
                  </Title>
                  {locked && (
                    <>
                      <Alert color="gray" mb="sm">
                        In state “{STATUS_LABELS[data.status]}” the request{' '}
                        {data.editableFields.length
                          ? 'only takes the payer’s reference number'
                          : 'can no longer be edited'}
                        {data.status === 'denied' ? ': a correction is a new case linked to this one.' : '.'}
                      </Alert>
                      <ClinicalSummary detail={data} />
                    </>
                  )}
                  <WhenNear label="Loading the form…" show={formWanted} minHeight={600}>
                    <CaseForm
                      hideLocked={locked}
                      key={data.id}
                      mode="edit"
                      defaultValues={initialValues}
                      editableFields={data.editableFields}
                      mayWriteClinical={mayWriteClinicalFindings(me?.roles)}
                      submitLabel="Save changes"
                      onReload={reloadForm}
                      onSubmit={async (values, changed) => {
                        const saved = await update.mutateAsync({
                          id: data.id,
                          version: baseVersion,
                          body: toUpdateCaseBody(values, changed),
                        });
                        setFormVersion(saved.version);
                      }}
                    />
                  </WhenNear>
                </Card>
                <WhenNear id={EVIDENCE_SECTION_IDS.photos} label="Loading photos…">
                  <PhotosSection
                    caseId={data.id}
                    me={me}
                    defaultBodySite={data.procedureLines[0]?.bodySite}
                    defaultLesionCount={data.procedureLines[0]?.lesionCount}
                  />
                </WhenNear>
                <WhenNear id={EVIDENCE_SECTION_IDS.notes} label="Loading notes…">
                  <NotesSection caseId={data.id} me={me} />
                </WhenNear>
                <WhenNear label="Loading letters…">
                  <LettersSection caseId={data.id} status={data.status} roles={me?.roles ?? []} />
                </WhenNear>
                <WhenNear label="Loading payer documents…">
                  <PayerDocumentsSection caseId={data.id} roles={me?.roles ?? []} />
                </WhenNear>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Stack>
                <WhenNear label="Loading owner and tasks…">
                  <CaseWorkPanel caseId={data.id} status={data.status} closed={isTerminalStatus(data.status)} />
                </WhenNear>
                <WhenNear label="Loading the timeline…">
                  <Paper withBorder p="md">
                    <CaseTimeline
                      events={data.events}
                      caseId={data.id}
                      version={data.version}
                      onChanged={(detail) => {
                        // A correction changes no field of the edit form, so the form stays current.
                        if (formVersion === null || formVersion === data.version) setFormVersion(detail.version);
                      }}
                    />
                  </Paper>
                </WhenNear>
              </Stack>
            </Grid.Col>
          </Grid>
          <Modal opened={!!chosen} onClose={() => setChosen(null)} title={chosen?.action.label} size="lg">
            {chosen && (
              <Suspense fallback={<Loader aria-label="Loading" />}>
                <TransitionForm
                  action={chosen.action}
                  currentAppealLevel={data.appealLevel}
                  answers={findAnsweredEvent(data)}
                  documents={(documents.data ?? []).map((d) => ({
                    id: d.id,
                    label: `${PAYER_DOCUMENT_KIND_LABELS[d.kind]}, received ${formatCalendarDate(d.receivedOn)} (${d.fileName})`,
                  }))}
                  onCancel={() => setChosen(null)}
                  onReload={() =>
                    // refetch resolves with the error in its result; it does not reject.
                    void refetch().then(({ data: latest }) => {
                      if (latest) setChosen({ action: chosen.action, version: latest.version });
                    })
                  }
                  onSubmit={async (values) => {
                    const toTransitionBody = await loadTransitionBody();
                    const detail = await transition.mutateAsync({
                      id: data.id,
                      version: chosen.version,
                      body: toTransitionBody(chosen.action.to, values, findAnsweredEvent(data)),
                    });
                    // A transition changes no field of the edit form, so the form stays current.
                    if (formVersion === null || formVersion === chosen.version) setFormVersion(detail.version);
                    setChosen(null);
                    notifications.show({
                      color: 'teal',
                      title: chosen.action.label,
                      message: `The case is now ${STATUS_LABELS[detail.status].toLowerCase()}.`,
                    });
                  }}
                />
              </Suspense>
            )}
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}
