"""The task worker: `manage.py run_worker`, django-tasks-db's worker made to last (it waits out database outages)
and to clean up after workers that died (`worker.recovery`)."""
