-- CreateIndex
CREATE INDEX "DirectoryUser_directoryId_mappingVersion_idx" ON "DirectoryUser"("directoryId", "mappingVersion");

