/**
 * Step kinds and the choices they offer. A model's task headers carry the kind
 * and may override the outcomes (processes/README.md).
 */
export const STEP_KINDS = ['receive', 'process', 'approve', 'transfer', 'payment', 'return'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  receive: 'Tiếp nhận',
  process: 'Xử lý',
  approve: 'Phê duyệt',
  transfer: 'Chuyển liên thông',
  payment: 'Thu phí, lệ phí',
  return: 'Trả kết quả',
};

export interface Outcome {
  readonly value: string;
  readonly label: string;
}

const DEFAULT_OUTCOMES: Record<StepKind, readonly Outcome[]> = {
  receive: [
    { value: 'accept', label: 'Tiếp nhận hồ sơ' },
    { value: 'supplement', label: 'Yêu cầu bổ sung hồ sơ' },
    { value: 'refuse', label: 'Từ chối tiếp nhận' },
  ],
  process: [
    { value: 'forward', label: 'Chuyển bước tiếp theo' },
    { value: 'supplement', label: 'Yêu cầu bổ sung hồ sơ' },
    { value: 'refuse', label: 'Không đủ điều kiện giải quyết' },
  ],
  approve: [
    { value: 'approve', label: 'Phê duyệt' },
    { value: 'reject', label: 'Không phê duyệt' },
  ],
  transfer: [{ value: 'forward', label: 'Chuyển hồ sơ' }],
  payment: [{ value: 'paid', label: 'Đã thu phí, lệ phí' }],
  return: [{ value: 'returned', label: 'Đã trả kết quả' }],
};

export function isStepKind(value: string | undefined): value is StepKind {
  return (STEP_KINDS as readonly string[]).includes(value ?? '');
}

/** `accept:Tiếp nhận|refuse:Từ chối` → outcomes; without the header, the kind's defaults. */
export function outcomesOf(kind: StepKind, header: string | undefined): Outcome[] {
  if (!header?.trim()) return [...DEFAULT_OUTCOMES[kind]];
  return header
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      const value = colon < 0 ? part : part.slice(0, colon).trim();
      const label = colon < 0 ? DEFAULT_OUTCOMES[kind].find((o) => o.value === value)?.label ?? value : part.slice(colon + 1).trim();
      return { value, label };
    });
}

/** Outcomes that ask the applicant for missing papers and those that decide against the applicant. */
export const SUPPLEMENT_OUTCOME = 'supplement';
export const NEGATIVE_OUTCOMES: readonly string[] = ['refuse', 'reject'];
