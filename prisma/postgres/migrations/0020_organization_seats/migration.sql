-- Written by hand: Prisma's schema cannot say CHECK. The database refuses a seat past the limit (lib/policy/seats.ts
-- maps the violation to the SCIM refusal), so the check needs no read under a lock before the write.
-- CreateTable
CREATE TABLE "OrganizationSeats" (
    "organizationId" TEXT NOT NULL,
    "activeUsers" INTEGER NOT NULL DEFAULT 0,
    "seatLimit" INTEGER,
    "overLimit" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "OrganizationSeats_within_limit" CHECK ("seatLimit" IS NULL OR "activeUsers" <= "seatLimit" + "overLimit"),

    CONSTRAINT "OrganizationSeats_pkey" PRIMARY KEY ("organizationId")
);

-- AddForeignKey
ALTER TABLE "OrganizationSeats" ADD CONSTRAINT "OrganizationSeats_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The seats of the data already here: every organization's active users, its limit, and the seats it holds past a
-- limit set below them.
INSERT INTO "OrganizationSeats" ("organizationId", "activeUsers", "seatLimit", "overLimit")
SELECT s."id", s."n", s."lim", CASE WHEN s."n" > s."lim" THEN s."n" - s."lim" ELSE 0 END
FROM (SELECT o."id", p."seatLimit" AS "lim",
             (SELECT COUNT(*) FROM "DirectoryUser" u JOIN "Directory" d ON d."id" = u."directoryId" WHERE d."organizationId" = o."id" AND u."active") AS "n"
      FROM "Organization" o LEFT JOIN "OrganizationPolicy" p ON p."organizationId" = o."id") s;
