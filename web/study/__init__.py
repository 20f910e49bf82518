"""Study: the question bank (concepts), review with spaced repetition, and timed quizzes."""
from web.study import concept_pages, questions, quiz_pages, review_pages

blueprints = (concept_pages.bp, review_pages.bp, quiz_pages.bp)
init_app = questions.init_app
