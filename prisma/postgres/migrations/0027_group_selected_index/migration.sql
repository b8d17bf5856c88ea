-- CreateIndex
CREATE INDEX "DirectoryGroup_directoryId_selected_createdAt_id_idx" ON "DirectoryGroup"("directoryId", "selected", "createdAt", "id");

