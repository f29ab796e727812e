"""The assessment runner: answer a checklist question by question, with a live score.

``RunnerWidget`` (runner_widget.py) composes the parts: the section navigator, the question cards
(one input widget per question type), attachments, the score panel, the completion check and
undo. Every answer edit goes through ``AnswerWriter`` and is committed at once.
"""
