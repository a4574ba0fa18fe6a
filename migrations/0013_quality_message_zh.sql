-- ClusterScope schema 13: a data-quality warning's message in Chinese beside the English one
-- (`message`), so that each reader gets it in their language (text/quality.h). Warnings raised
-- before keep an empty one and are shown in English.
ALTER TABLE quality_warning ADD COLUMN message_zh TEXT NOT NULL DEFAULT '';
