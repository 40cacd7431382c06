import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { PLAN_TYPE_LABELS } from '@preauth/domain';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { FormProblems } from '../../../ui/FormProblems';
import { applyServerErrors, isStaleVersion } from '../../../ui/server-errors';
import type { DeadlineRule, DeadlineRulePreview } from '../api/types';
import { usePreviewDeadlineRule, useSaveDeadlineRule } from '../api/useDeadlineRules';
import {
  deadlineRuleSchema,
  FIGURE_FIELDS,
  FIGURE_GROUPS,
  toFormValues,
  toRuleFigures,
  type DeadlineRuleFormValues,
} from '../model/deadline-rule-form';
import { DeadlineRulePreviewPanel, previewSummary } from './DeadlineRulePreviewPanel';

const FIELD_NAMES = [...FIGURE_FIELDS.map((f) => f.key), 'source'];

/**
 * Edit, preview, save: the save button appears only once the preview of exactly these figures is
 * on screen, so nobody moves the clinic's deadlines without seeing which cases move.
 */
export function DeadlineRuleEditor({
  rule,
  linkCases,
  onDone,
}: {
  rule: DeadlineRule;
  linkCases: boolean;
  onDone: () => void;
}) {
  const previewRule = usePreviewDeadlineRule();
  const saveRule = useSaveDeadlineRule();
  const [preview, setPreview] = useState<{ preview: DeadlineRulePreview; of: string } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const schema = useMemo(() => deadlineRuleSchema(rule.planType), [rule.planType]);
  const { control, handleSubmit, setError, setFocus } = useForm<DeadlineRuleFormValues>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: toFormValues(rule),
  });
  const values = useWatch({ control });
  const current = JSON.stringify(values);
  const previewIsCurrent = preview !== null && preview.of === current;

  useEffect(() => setFocus('decisionStandardDays'), [setFocus]);

  const handlePreview = handleSubmit(async (submitted) => {
    setProblems([]);
    try {
      const result = await previewRule.mutateAsync({ planType: rule.planType, body: toRuleFigures(submitted) });
      setPreview({ preview: result, of: current });
    } catch (error) {
      setProblems(applyServerErrors(error, setError, FIELD_NAMES));
    }
  });

  const handleSave = handleSubmit(async (submitted) => {
    setProblems([]);
    try {
      await saveRule.mutateAsync({
        planType: rule.planType,
        body: toRuleFigures(submitted),
        expectedUpdatedAt: rule.updatedAt,
      });
      notifications.show({
        color: 'teal',
        message: `${PLAN_TYPE_LABELS[rule.planType]} rule saved. ${preview ? previewSummary(preview.preview) : ''}`,
      });
      onDone();
    } catch (error) {
      setProblems(
        isStaleVersion(error)
          ? ['Someone changed this rule since you opened it. Cancel, open it again and preview your change.']
          : applyServerErrors(error, setError, FIELD_NAMES),
      );
    }
  });

  return (
    <form
      onSubmit={(event) => void handlePreview(event)}
      noValidate
      aria-label={`Edit the ${PLAN_TYPE_LABELS[rule.planType]} rule`}
    >
      <Stack>
        <FormProblems title="The rule was not saved" problems={problems} />
        {FIGURE_GROUPS.map((group) => (
          <Fieldset key={group.title} legend={group.title}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {group.fields.map((field) => (
                <Controller
                  key={field.key}
                  control={control}
                  name={field.key}
                  render={({ field: input, fieldState }) => (
                    <NumberInput
                      label={field.label}
                      rightSection={field.unit}
                      rightSectionWidth={64}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      required
                      name={input.name}
                      ref={input.ref}
                      value={input.value}
                      onChange={(value) => input.onChange(typeof value === 'number' ? value : '')}
                      onBlur={input.onBlur}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              ))}
            </SimpleGrid>
          </Fieldset>
        ))}
        <Controller
          control={control}
          name="source"
          render={({ field, fieldState }) => (
            <Textarea
              label="Legal source"
              description="The regulation or contract these figures come from, as the clinic wants it quoted."
              autosize
              minRows={2}
              maxRows={8}
              {...field}
              error={fieldState.error?.message}
            />
          )}
        />
        {preview && previewIsCurrent && <DeadlineRulePreviewPanel preview={preview.preview} linkCases={linkCases} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" variant={previewIsCurrent ? 'default' : 'filled'} loading={previewRule.isPending}>
            Preview the effect
          </Button>
          {previewIsCurrent && (
            <Button onClick={() => void handleSave()} loading={saveRule.isPending}>
              Save the rule
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
