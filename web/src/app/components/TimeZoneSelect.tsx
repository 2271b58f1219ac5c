import { useMemo } from "react";
import { timeZoneNames } from "../../../../src/time/zone.ts";
import { SearchableSelect } from "./SearchableSelect.tsx";

/** "new york" finds America/New_York. */
const normalize = (text: string) => text.toLowerCase().replace(/[\s_/]+/g, " ");

export function TimeZoneSelect({
  value,
  onChange,
  description,
  error,
}: {
  value: string;
  onChange: (timeZone: string) => void;
  description?: string;
  error?: string;
}) {
  const options = useMemo(() => {
    const names = timeZoneNames();
    return names.includes(value) ? names : [value, ...names];
  }, [value]);
  return (
    <SearchableSelect
      label="Time zone"
      description={description}
      error={error}
      options={options}
      value={value}
      onChange={onChange}
      matches={(option, search) => normalize(option).includes(normalize(search))}
      nothingFound="No time zone matches"
    />
  );
}
