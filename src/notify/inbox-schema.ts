import { z } from "zod";

/** What a notification is about; each person chooses which of these also come by email. */
export const notificationKinds = [
  "report_due_soon",
  "report_missed",
  "milestone_due_soon",
  "milestone_overdue",
  "work_submitted",
  "contract_sent",
  "contract_waiting",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const notificationKindSchema = z.enum(notificationKinds);

export const notificationSchema = z.object({
  id: z.string(),
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  link: z.string().meta({ description: "Where in the app to act on it" }),
  createdAt: z.number().int(),
  readAt: z.number().int().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationPageSchema = z.object({
  notifications: z.array(notificationSchema),
  nextCursor: z
    .string()
    .nullable()
    .meta({ description: "Pass as `cursor` for the next, older page; null on the last page" }),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;

export const notificationListQuery = z.object({
  unread: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "`true` lists only notifications not read yet" }),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const unreadCountSchema = z.object({ unread: z.number().int() });

const clockSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time such as 21:30")
  .meta({ description: "HH:MM in the person's own time zone", example: "21:30" });

export const notificationPreferencesSchema = z
  .object({
    emailKinds: z
      .array(notificationKindSchema)
      .max(notificationKinds.length)
      .meta({ description: "Kinds also sent by email as they happen" }),
    dailyDigest: z
      .boolean()
      .meta({ description: "One email a day, at the start of the person's day, with the rest" }),
    quietStart: clockSchema.nullable(),
    quietEnd: clockSchema.nullable(),
  })
  .superRefine((preferences, issues) => {
    const { quietStart, quietEnd } = preferences;
    if ((quietStart === null) !== (quietEnd === null)) {
      const missing = quietStart === null ? "quietStart" : "quietEnd";
      issues.addIssue({
        code: "custom",
        path: [missing],
        message: "Give both ends of the quiet hours, or neither",
      });
    } else if (quietStart !== null && quietStart === quietEnd) {
      issues.addIssue({
        code: "custom",
        path: ["quietEnd"],
        message: "Quiet hours must end at another time than they start",
      });
    }
  });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  createdAt: z.number().int().nullable(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const newCalendarFeedSchema = z.object({
  url: z.string().meta({ description: "The private address; shown only this once" }),
  createdAt: z.number().int(),
});
export type NewCalendarFeed = z.infer<typeof newCalendarFeedSchema>;
