"""Instructor-side grading: nbgrader preprocessors, the class-wide grade command, grade export."""
