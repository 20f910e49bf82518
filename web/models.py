"""Tables: users, their API tokens, submissions (which carry their grading result), study
state, and the hiring teams' mock interviews."""
import json
from datetime import datetime, timezone

from flask import g, has_request_context
from flask_login import UserMixin
from sqlalchemy import (
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from web.enums import Kind, Status


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)  # stored naive, always UTC


class Base(DeclarativeBase):
    pass


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    # the name's look-alike skeleton (web/accounts/identity.py): `adm1n` and `ADMIN` share it
    name_key: Mapped[str] = mapped_column(String(64), default="", index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # in every session cookie; raised at logout, password change or reset, which ends them all
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    role: Mapped[str] = mapped_column(String(16), default="member")
    active: Mapped[bool] = mapped_column(default=True)
    bio: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # site and editor preferences as JSON (web.accounts.preferences validates them)
    preferences: Mapped[str] = mapped_column(Text, default="{}", server_default="{}")

    tokens: Mapped[list["ApiToken"]] = relationship(back_populates="user",
                                                    cascade="all, delete-orphan")

    @property
    def is_admin(self) -> bool:
        """An administrator acting as one: a request authenticated by an API token has an
        admin's powers only when the token has the `admin` scope (web/login.py)."""
        if self.role != "admin":
            return False
        scopes = g.get("token_scopes") if has_request_context() else None
        return scopes is None or "admin" in scopes

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """What the session cookie names: the user and the session version, so a cookie
        issued before a logout or a password change no longer loads anyone."""
        return f"{self.id}.{self.session_version or 0}"


# usernames are unique whatever their case, enforced by the database even for racing sign-ups
Index("ux_users_username_lower", func.lower(User.username), unique=True)


class ApiToken(Base):
    """A personal token for scripts; only its SHA-256 is stored, the token is shown once."""
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    scopes: Mapped[str] = mapped_column(String(64), default="read submit")  # space-separated
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    user: Mapped[User] = relationship(back_populates="tokens")


class Submission(Base):
    """Code to grade. A practice submission belongs to a user; a candidate's belongs to an
    interview item instead (candidates have no account), never both, so every score query that
    wants practice work only needs `user_id IS NOT NULL`."""
    __tablename__ = "submissions"
    __table_args__ = (
        CheckConstraint("(user_id IS NULL) <> (interview_item_id IS NULL)",
                        name="ck_submissions_one_owner"),
        Index("ix_submissions_user_challenge", "user_id", "challenge_id", "created_at"),
        Index("ix_submissions_status", "status", "id"),
        # covers the standings queries, so they never touch the wide rows (code, result)
        Index("ix_submissions_scoring", "kind", "status", "user_id", "challenge_id", "score",
              "created_at", "id", "verdict"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"),
                                                nullable=True)
    interview_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_items.id", ondelete="CASCADE",
                   name="fk_submissions_interview_item_id"), nullable=True, index=True)
    challenge_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(8), default=Kind.SUBMIT)
    code: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default=Status.QUEUED)
    verdict: Mapped[str | None] = mapped_column(String(32), nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[str | None] = mapped_column(String(120), nullable=True)  # "3/9 property"
    # a keyed hash of the address it came from: caps queued work per address (never shown)
    client_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # kind "custom": the typed arguments, JSON {parameter: Python literal text}
    custom_input: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    user: Mapped[User | None] = relationship()

    @property
    def result(self) -> dict | None:
        return json.loads(self.result_json) if self.result_json else None

    @property
    def pending(self) -> bool:
        return self.status != Status.DONE


class ReviewCard(Base):
    """One user's spaced-repetition state for one question (an fsrs Card, as JSON)."""
    __tablename__ = "review_cards"
    __table_args__ = (UniqueConstraint("user_id", "question_id"),
                      Index("ix_review_cards_due", "user_id", "due"))

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(80))
    card_json: Mapped[str] = mapped_column(Text)
    due: Mapped[datetime] = mapped_column(DateTime)
    reviews: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReviewEntry(Base):
    """One rating given in review mode: the history behind streaks and progress."""
    __tablename__ = "review_entries"
    __table_args__ = (Index("ix_review_entries_user_time", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(String(80))
    rating: Mapped[int] = mapped_column(Integer)  # 1 again, 2 hard, 3 good, 4 easy
    reviewed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    due_after: Mapped[datetime] = mapped_column(DateTime)


class Quiz(Base):
    """A timed set of questions; the deadline is enforced on the server."""
    __tablename__ = "quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    scope: Mapped[str] = mapped_column(String(120), default="")  # "section:…", "tag:…" or ""
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deadline: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    items: Mapped[list["QuizItem"]] = relationship(back_populates="quiz", order_by="QuizItem.position",
                                                   cascade="all, delete-orphan")


class QuizItem(Base):
    __tablename__ = "quiz_items"
    __table_args__ = (UniqueConstraint("quiz_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(ForeignKey("quizzes.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    question_id: Mapped[str] = mapped_column(String(80))
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)  # None: not answered
    answered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    hits_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # key points the user hit
    key_points: Mapped[int] = mapped_column(Integer, default=0)

    quiz: Mapped[Quiz] = relationship(back_populates="items")

    @property
    def hits(self) -> list[int]:
        return json.loads(self.hits_json) if self.hits_json else []


# --- hiring teams and mock interviews -------------------------------------------------------


class Team(Base):
    __tablename__ = "teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    members: Mapped[list["TeamMember"]] = relationship(back_populates="team",
                                                       cascade="all, delete-orphan")


class TeamMember(Base):
    __tablename__ = "team_members"
    __table_args__ = (UniqueConstraint("team_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="interviewer")
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    team: Mapped[Team] = relationship(back_populates="members")
    user: Mapped[User] = relationship()


class TeamInvite(Base):
    """A single-use link that lets a signed-in colleague join; only its hash is stored."""
    __tablename__ = "team_invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="interviewer")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                   nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    accepted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                    nullable=True)
    accepted_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    team: Mapped[Team] = relationship()


class InterviewTemplate(Base):
    """A reusable plan: which items, in which order, worth how much, in how long."""
    __tablename__ = "interview_templates"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    items: Mapped[list["TemplateItem"]] = relationship(
        back_populates="template", order_by="TemplateItem.position", cascade="all, delete-orphan")


class TemplateItem(Base):
    """One step of a template. Positions are renumbered 0..n-1 after each edit (no unique
    constraint, so swapping two needs no juggling)."""
    __tablename__ = "interview_template_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    template_id: Mapped[int] = mapped_column(
        ForeignKey("interview_templates.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str] = mapped_column(String(80))  # a challenge or question id; "" for a pool
    points: Mapped[int] = mapped_column(Integer, default=10)
    pool_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # web.hiring.pools

    template: Mapped[InterviewTemplate] = relationship(back_populates="items")

    @property
    def pool(self) -> dict | None:
        return json.loads(self.pool_json) if self.pool_json else None


class Interview(Base):
    """One candidate's sitting. Its items are copied from the template when it is created, so
    editing the template later never changes an interview. The link's token is stored only as
    a hash (and a nonce the server rebuilds it from); once started, the interview is bound to
    one browser (the hash of a cookie secret)."""
    __tablename__ = "interviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_templates.id", ondelete="SET NULL"), nullable=True)
    title: Mapped[str] = mapped_column(String(120))
    candidate_name: Mapped[str] = mapped_column(String(120))
    candidate_email: Mapped[str] = mapped_column(String(254))
    duration_s: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                   nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # with the secret key, rebuilds the link for the team (web.hiring.links); never the token
    link_nonce: Mapped[str | None] = mapped_column(String(64), nullable=True)
    link_expires_at: Mapped[datetime] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    browser_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    bound_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    deadline: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    current_position: Mapped[int] = mapped_column(Integer, default=0)
    position_since: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    candidate_tz: Mapped[str] = mapped_column(String(64), default="UTC")  # for the e-mails
    notify_email: Mapped[str | None] = mapped_column(String(254), nullable=True)  # on finishing

    team: Mapped[Team] = relationship()
    items: Mapped[list["InterviewItem"]] = relationship(
        back_populates="interview", order_by="InterviewItem.position", cascade="all, delete-orphan")


class InterviewItem(Base):
    __tablename__ = "interview_items"
    __table_args__ = (UniqueConstraint("interview_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))  # kept, in case the catalogue drops it
    points: Mapped[int] = mapped_column(Integer)
    draw_json: Mapped[str | None] = mapped_column(Text, nullable=True)  # drawn from a pool: how
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)  # conceptual items
    answer_saved_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)
    # rubric, notes, reviewed_*: the single rating of before scorecards (migration 0009 moved
    # them into Scorecard rows); no longer read or written
    rubric: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"),
                                                    nullable=True)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    interview: Mapped[Interview] = relationship(back_populates="items")

    @property
    def draw(self) -> dict | None:
        return json.loads(self.draw_json) if self.draw_json else None


class EditorSnapshot(Base):
    """The candidate's code at one moment: the material for the live view and the replay."""
    __tablename__ = "interview_snapshots"
    __table_args__ = (Index("ix_interview_snapshots_item", "item_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"),
                                              index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("interview_items.id", ondelete="CASCADE"))
    taken_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    code: Mapped[str] = mapped_column(Text)
    size: Mapped[int] = mapped_column(Integer)  # bytes of code, for the per-interview budget


class TeamQuestion(Base):
    """A written question a team wrote for its own interviews: it never appears on the public
    pages, so a candidate cannot look its model answer up. Template items name it as
    `team:<id>`."""
    __tablename__ = "team_questions"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))  # the question, as the candidate reads it
    answer: Mapped[str] = mapped_column(Text)  # Markdown, for the team's report
    key_points_json: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def key_points(self) -> list[str]:
        return json.loads(self.key_points_json or "[]")


class OutgoingMail(Base):
    """An e-mail of an interview (invitation, reminder, notice of the end), kept until it is
    sent and afterwards as its record. The body holds `{link}` where the candidate's link goes:
    it is rebuilt when the message is sent (web.hiring.links), never stored."""
    __tablename__ = "outgoing_mail"
    __table_args__ = (Index("ix_outgoing_mail_due", "status", "send_after"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"),
                                              index=True)
    kind: Mapped[str] = mapped_column(String(16))  # invitation, reminder, finished
    to_addr: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    base_url: Mapped[str] = mapped_column(String(200))  # where the links in the body point
    status: Mapped[str] = mapped_column(String(16), default="pending")  # sent, failed, cancelled
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    send_after: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class IntegrityEvent(Base):
    """Something the candidate's page noticed (web.hiring.signals): a paste and its size, the
    page losing focus and regaining it, a long pause in typing. Signals for a conversation
    with the candidate, never a verdict."""
    __tablename__ = "interview_events"
    __table_args__ = (Index("ix_interview_events_interview", "interview_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    interview_id: Mapped[int] = mapped_column(ForeignKey("interviews.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # the item the candidate was on
    kind: Mapped[str] = mapped_column(String(16))  # paste, left, back, idle
    at: Mapped[datetime] = mapped_column(DateTime)  # when it began (server time)
    amount: Mapped[int] = mapped_column(Integer, default=0)  # characters, or seconds


class Scorecard(Base):
    """One team member's rating (1-5) and notes on one interview item. Others' scorecards of
    an item stay hidden from a member until they have submitted their own (web.hiring.
    scorecards); `private_notes` are for the team's pages only, never exported."""
    __tablename__ = "interview_scorecards"
    __table_args__ = (UniqueConstraint("item_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("interview_items.id", ondelete="CASCADE"),
                                         index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)  # 1-5; None: no rating
    notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    reviewer: Mapped[User] = relationship()
