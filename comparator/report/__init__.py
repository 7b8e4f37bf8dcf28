"""The discrepancy report: what it holds (`model`), how it reads (`markdown`, `chart`), the
one entry point from a corpus to file texts (`build`), and how files reach the disk
(`files`). Only `files` touches the file system, and nothing here prints."""
