import { TextInput, type TextInputProps } from "@mantine/core";
import classes from "./MonthInput.module.css";

/** A calendar month, YYYY-MM, with the browser's month picker. */
export function MonthInput({
  value,
  onChange,
  ...props
}: Omit<TextInputProps, "value" | "onChange" | "type"> & {
  value: string;
  onChange: (month: string) => void;
}) {
  return (
    <TextInput
      type="month"
      placeholder="YYYY-MM"
      classNames={{ input: classes.input }}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...props}
    />
  );
}
