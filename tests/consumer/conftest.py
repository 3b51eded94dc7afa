"""The consumer project is a separate project with its own tests: run by test_consumer_project.py in
its own venv, never collected by this suite."""

collect_ignore = ["project"]
