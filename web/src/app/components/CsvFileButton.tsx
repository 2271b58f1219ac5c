import { Button, FileButton } from "@mantine/core";
import { IconUpload } from "@tabler/icons-react";
import { useRef } from "react";

/**
 * "Import CSV": opens the file picker and hands over the chosen file. The picker is cleared
 * after each choice, so the same file, once fixed, can be chosen again.
 */
export function CsvFileButton({
  onFile,
  loading,
  disabled,
}: {
  onFile: (file: File) => void;
  loading?: boolean;
  disabled?: boolean;
}) {
  const resetRef = useRef<() => void>(null);
  return (
    <FileButton
      accept=".csv,text/csv"
      resetRef={resetRef}
      disabled={disabled}
      onChange={(file) => {
        resetRef.current?.();
        if (file) onFile(file);
      }}
    >
      {(props) => (
        <Button
          {...props}
          variant="default"
          loading={loading}
          disabled={disabled}
          leftSection={<IconUpload size={16} aria-hidden />}
        >
          Import CSV
        </Button>
      )}
    </FileButton>
  );
}
