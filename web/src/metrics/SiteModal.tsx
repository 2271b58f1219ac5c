import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { Site } from "../../../src/metrics/schema.ts";
import { FormError } from "../app/components/FormError.tsx";
import { fieldError } from "../app/form.ts";
import { createSite, refreshMetrics, updateSite, type SiteForm } from "./api.ts";

const inputs = ["name", "url"];

/** Adds a site, or renames one. */
export function SiteModal({
  opened,
  onClose,
  site,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  site?: Site;
  onSaved?: (site: Site) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={site ? `Change ${site.name}` : "Add a site"}
      centered
    >
      <SiteFormBody site={site} onDone={onClose} onSaved={onSaved} />
    </Modal>
  );
}

function SiteFormBody({
  site,
  onDone,
  onSaved,
}: {
  site?: Site;
  onDone: () => void;
  onSaved?: (site: Site) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(site?.name ?? "");
  const [url, setUrl] = useState(site?.url ?? "");
  const save = useMutation({
    mutationFn: (input: SiteForm) =>
      site ? updateSite({ id: site.id, ...input }) : createSite(input),
    onSuccess: (saved) => {
      refreshMetrics(queryClient);
      notifications.show({ message: site ? `${saved.name} saved.` : `${saved.name} added.` });
      onSaved?.(saved);
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ name: name.trim(), url: url.trim() });
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={save.error} inputs={inputs} />
        <TextInput
          label="Site name"
          placeholder="My shop"
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldError(save.error, "name")}
        />
        <TextInput
          label="Web address (optional)"
          placeholder="https://example.com"
          type="url"
          value={url}
          onChange={(event) => setUrl(event.currentTarget.value)}
          error={fieldError(save.error, "url")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {site ? "Save site" : "Add site"}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
