import { Input, SegmentedControl } from "@mantine/core";
import { useId } from "react";

const choices = [
  { value: "", label: "Not scored" },
  ...["1", "2", "3", "4", "5"].map((value) => ({ value, label: value })),
];

/** A 1–5 score as named radio buttons, with "not scored" for a check not done yet. */
export function ScoreControl({
  label,
  description,
  value,
  onChange,
  disabled,
}: {
  label: string;
  description: string;
  value: number | null;
  onChange: (value: number | null) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <Input.Wrapper id={id} label={label} labelElement="div" description={description}>
      <SegmentedControl
        mt={6}
        fullWidth
        disabled={disabled}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        value={value === null ? "" : String(value)}
        onChange={(next) => onChange(next === "" ? null : Number(next))}
        data={choices}
      />
    </Input.Wrapper>
  );
}
