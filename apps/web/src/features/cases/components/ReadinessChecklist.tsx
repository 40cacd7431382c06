import { Anchor, Badge, Group, List, Paper, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { EVIDENCE_SECTION_IDS } from '../../evidence/sections';
import type { ReadinessItem } from '../api/types';

// Where each checklist field is fixed on the case page.
const FIELD_SECTIONS: Record<string, string> = {
  findings: 'findings',
  diagnoses: 'diagnoses',
  procedureLines: 'procedureLines',
  cosmeticOverride: 'findings',
  failedTreatments: 'failedTreatments',
};

// Photos and notes are added in their own sections further down the page, not in the form:
// a link to the section (it also works without onFix, as a plain in-page link).
const EVIDENCE_SECTIONS: Record<string, { id: string; label: string }> = {
  photos: { id: EVIDENCE_SECTION_IDS.photos, label: 'Go to the photos' },
  notes: { id: EVIDENCE_SECTION_IDS.notes, label: 'Go to the notes' },
};

interface ReadinessChecklistProps {
  ready: boolean;
  items: readonly ReadinessItem[];
  // Scrolls to and focuses the form section that fixes an item.
  onFix?: (section: string) => void;
}

export function ReadinessChecklist({ ready, items, onFix }: ReadinessChecklistProps) {
  const missing = items.filter((item) => !item.passed);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="readiness-title" data-testid="readiness-checklist">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4" id="readiness-title">
          Readiness checklist
        </Title>
        <Badge color={ready ? 'teal' : 'orange'} variant="light">
          {ready ? 'Ready to submit' : `${missing.length} of ${items.length} missing`}
        </Badge>
      </Group>
      <List spacing="xs" listStyleType="none" p={0}>
        {items.map((item) => {
          const section = item.field ? FIELD_SECTIONS[item.field] : undefined;
          return (
            <List.Item
              key={item.id}
              data-testid={`readiness-${item.id}`}
              data-passed={item.passed}
              icon={
                <ThemeIcon color={item.passed ? 'teal' : 'orange'} size={20} radius="xl" aria-hidden>
                  {item.passed ? '✓' : '!'}
                </ThemeIcon>
              }
            >
              <Text size="sm" fw={item.passed ? 400 : 600}>
                <VisuallyHidden>{item.passed ? 'Done: ' : 'Missing: '}</VisuallyHidden>
                {item.label}
              </Text>
              {!item.passed && item.reason && (
                <Text size="sm" c="dimmed">
                  {item.reason}
                </Text>
              )}
              {!item.passed && section && onFix && (
                <Anchor component="button" type="button" size="sm" onClick={() => onFix(section)}>
                  Fix it: go to {sectionName(section)}
                </Anchor>
              )}
              {!item.passed && !section && item.field && EVIDENCE_SECTIONS[item.field] && (
                <Anchor
                  href={`#${EVIDENCE_SECTIONS[item.field].id}`}
                  size="sm"
                  onClick={(event) => {
                    if (!onFix || !item.field) return;
                    event.preventDefault();
                    onFix(item.field);
                  }}
                >
                  {EVIDENCE_SECTIONS[item.field].label}
                </Anchor>
              )}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}

function sectionName(section: string): string {
  switch (section) {
    case 'findings':
      return 'the findings';
    case 'diagnoses':
      return 'the diagnoses';
    case 'procedureLines':
      return 'the procedures';
    case 'failedTreatments':
      return 'the failed treatments';
    default:
      return section;
  }
}
