import { Button, FileButton, Group } from "@mantine/core";
import { IconDownload, IconUpload } from "@tabler/icons-react";
import { useRef } from "react";

/**
 * "Import CSV": opens the file picker and hands over the chosen file. The picker is cleared
 * after each choice, so the same file, once fixed, can be chosen again.
 */
function CsvFileButton({
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

/** "Export CSV" for everyone who can read the list, and "Import CSV" for those who may change it. */
export function CsvButtons({
  exportUrl,
  canImport,
  onFile,
  busy,
}: {
  exportUrl: string;
  canImport: boolean;
  onFile: (file: File) => void;
  busy: boolean;
}) {
  return (
    <Group gap="sm">
      <Button
        component="a"
        href={exportUrl}
        download
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
      >
        Export CSV
      </Button>
      {canImport && <CsvFileButton onFile={onFile} loading={busy} disabled={busy} />}
    </Group>
  );
}
