interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string | undefined;
  options: Option[];
  /** Shown first, with value "", when choosing nothing is allowed. */
  emptyLabel?: string;
  disabled?: boolean;
  onChange(value: string | undefined): void;
}

export function SelectField({ id, label, value, options, emptyLabel, disabled, onChange }: SelectFieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value || undefined)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
