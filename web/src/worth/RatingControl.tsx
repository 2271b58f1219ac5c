import { Input, SegmentedControl } from "@mantine/core";
import { useId } from "react";

const choices = ["1", "2", "3", "4", "5"];

/** A 1–5 score as five named radio buttons, labelled by the question it answers. */
export function RatingControl({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description: string;
  value: number;
  onChange: (value: number) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <Input.Wrapper id={id} label={label} labelElement="div" description={description} error={error}>
      <SegmentedControl
        mt={6}
        fullWidth
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-description`}
        value={String(value)}
        onChange={(next) => onChange(Number(next))}
        data={choices}
      />
    </Input.Wrapper>
  );
}
