""" Contains all the data models used in inputs/outputs """

from .access_detail import AccessDetail
from .action import Action
from .allocate_request import AllocateRequest
from .allocation_read import AllocationRead
from .alternative_read import AlternativeRead
from .application_create import ApplicationCreate
from .application_read import ApplicationRead
from .assignment_event_read import AssignmentEventRead
from .assignment_read import AssignmentRead
from .assignment_update import AssignmentUpdate
from .attempt_read import AttemptRead
from .batch_recommendation import BatchRecommendation
from .bundle_read import BundleRead
from .bundle_response import BundleResponse
from .camp_create import CampCreate
from .camp_host_in import CampHostIn
from .camp_host_read import CampHostRead
from .camp_page import CampPage
from .camp_read import CampRead
from .camps_schedule_format import CampsScheduleFormat
from .collaboration_mode import CollaborationMode
from .component_read import ComponentRead
from .conflict_error import ConflictError
from .contacts import Contacts
from .database_unavailable_error import DatabaseUnavailableError
from .day_plan_in import DayPlanIn
from .decision import Decision
from .decline_reason import DeclineReason
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .diversity import Diversity
from .domain import Domain
from .duplicate_detail import DuplicateDetail
from .duplicate_error import DuplicateError
from .duplicate_list import DuplicateList
from .duplicate_pair import DuplicatePair
from .duplicate_profile import DuplicateProfile
from .duplicate_reason import DuplicateReason
from .eligibility_in import EligibilityIn
from .event_type import EventType
from .explanation import Explanation
from .explanation_detail import ExplanationDetail
from .explanation_params import ExplanationParams
from .exposure_dimension import ExposureDimension
from .exposure_report import ExposureReport
from .exposure_row import ExposureRow
from .field_error import FieldError
from .filters import Filters
from .forbidden_error import ForbiddenError
from .funnel_group_by import FunnelGroupBy
from .funnel_report import FunnelReport
from .funnel_row import FunnelRow
from .funnel_row_declined_reasons import FunnelRowDeclinedReasons
from .health import Health
from .host_note_read import HostNoteRead
from .host_ref import HostRef
from .http_validation_error import HTTPValidationError
from .idempotency_in_progress_error import IdempotencyInProgressError
from .idempotency_key_reused_error import IdempotencyKeyReusedError
from .idempotency_response_lost_error import IdempotencyResponseLostError
from .import_finished_data import ImportFinishedData
from .import_finished_data_status import ImportFinishedDataStatus
from .import_finished_event import ImportFinishedEvent
from .import_job_read import ImportJobRead
from .import_job_read_status import ImportJobReadStatus
from .import_queue_full_error import ImportQueueFullError
from .import_upload import ImportUpload
from .incubator_batch import IncubatorBatch
from .incubator_create import IncubatorCreate
from .incubator_kind import IncubatorKind
from .incubator_page import IncubatorPage
from .incubator_read import IncubatorRead
from .incubator_recommendation import IncubatorRecommendation
from .incubator_update import IncubatorUpdate
from .index_readiness import IndexReadiness
from .index_readiness_indexed import IndexReadinessIndexed
from .ineligible_read import IneligibleRead
from .invalid_transition_error import InvalidTransitionError
from .key_create import KeyCreate
from .key_issued import KeyIssued
from .key_read import KeyRead
from .key_rotate import KeyRotate
from .location import Location
from .match_action_create import MatchActionCreate
from .match_event_read import MatchEventRead
from .match_found_data import MatchFoundData
from .match_found_event import MatchFoundEvent
from .match_list import MatchList
from .match_list_target import MatchListTarget
from .match_page import MatchPage
from .match_read import MatchRead
from .match_read_components import MatchReadComponents
from .match_read_confidence import MatchReadConfidence
from .match_record_read import MatchRecordRead
from .match_state_changed_data import MatchStateChangedData
from .match_state_changed_data_target_kind import MatchStateChangedDataTargetKind
from .match_state_changed_event import MatchStateChangedEvent
from .me import Me
from .meeting_read import MeetingRead
from .meeting_read_source import MeetingReadSource
from .merge_create import MergeCreate
from .merge_read import MergeRead
from .merge_read_moved import MergeReadMoved
from .method_not_allowed_error import MethodNotAllowedError
from .need import Need
from .no_free_place_error import NoFreePlaceError
from .not_found_error import NotFoundError
from .organisation_kind import OrganisationKind
from .partner_batch import PartnerBatch
from .partner_create import PartnerCreate
from .partner_kind import PartnerKind
from .partner_page import PartnerPage
from .partner_read import PartnerRead
from .partner_recommendation import PartnerRecommendation
from .partner_update import PartnerUpdate
from .payload_too_large_error import PayloadTooLargeError
from .ping_data import PingData
from .ping_event import PingEvent
from .ping_queued import PingQueued
from .places_detail import PlacesDetail
from .precondition_failed_error import PreconditionFailedError
from .profile_kind_name import ProfileKindName
from .profile_ref import ProfileRef
from .profile_ref_kind import ProfileRefKind
from .program import Program
from .qualification import Qualification
from .quota_in import QuotaIn
from .quota_in_attribute import QuotaInAttribute
from .quota_outcome_read import QuotaOutcomeRead
from .ranking_read import RankingRead
from .ranking_update import RankingUpdate
from .rate_limited_error import RateLimitedError
from .readiness import Readiness
from .recommendation import Recommendation
from .region import Region
from .region_group import RegionGroup
from .report_format import ReportFormat
from .report_scope import ReportScope
from .report_scope_kind import ReportScopeKind
from .report_window import ReportWindow
from .resource_ref import ResourceRef
from .role import Role
from .row_error_read import RowErrorRead
from .scenario_batch import ScenarioBatch
from .scenario_create import ScenarioCreate
from .scenario_page import ScenarioPage
from .scenario_read import ScenarioRead
from .scenario_recommendation import ScenarioRecommendation
from .scenario_status import ScenarioStatus
from .scenario_update import ScenarioUpdate
from .schedule_read import ScheduleRead
from .side import Side
from .stage import Stage
from .stale_list import StaleList
from .stale_profile_read import StaleProfileRead
from .startup_batch import StartupBatch
from .startup_create import StartupCreate
from .startup_page import StartupPage
from .startup_read import StartupRead
from .startup_recommendation import StartupRecommendation
from .startup_update import StartupUpdate
from .state import State
from .storage_unwritable_error import StorageUnwritableError
from .target import Target
from .target_kind import TargetKind
from .transition_detail import TransitionDetail
from .unauthorized_error import UnauthorizedError
from .unavailable_error import UnavailableError
from .unplaced_read import UnplacedRead
from .unscheduled_read import UnscheduledRead
from .unsupported_media_type_error import UnsupportedMediaTypeError
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .validation_failed_error import ValidationFailedError
from .version_detail import VersionDetail
from .vocabularies_list_response_vocabularies_list import VocabulariesListResponseVocabulariesList
from .vocabulary_item import VocabularyItem
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_read import WebhookRead
from .webhooks_deliveries_status import WebhooksDeliveriesStatus

__all__ = (
    "AccessDetail",
    "Action",
    "AllocateRequest",
    "AllocationRead",
    "AlternativeRead",
    "ApplicationCreate",
    "ApplicationRead",
    "AssignmentEventRead",
    "AssignmentRead",
    "AssignmentUpdate",
    "AttemptRead",
    "BatchRecommendation",
    "BundleRead",
    "BundleResponse",
    "CampCreate",
    "CampHostIn",
    "CampHostRead",
    "CampPage",
    "CampRead",
    "CampsScheduleFormat",
    "CollaborationMode",
    "ComponentRead",
    "ConflictError",
    "Contacts",
    "DatabaseUnavailableError",
    "DayPlanIn",
    "Decision",
    "DeclineReason",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryReadStatus",
    "Diversity",
    "Domain",
    "DuplicateDetail",
    "DuplicateError",
    "DuplicateList",
    "DuplicatePair",
    "DuplicateProfile",
    "DuplicateReason",
    "EligibilityIn",
    "EventType",
    "Explanation",
    "ExplanationDetail",
    "ExplanationParams",
    "ExposureDimension",
    "ExposureReport",
    "ExposureRow",
    "FieldError",
    "Filters",
    "ForbiddenError",
    "FunnelGroupBy",
    "FunnelReport",
    "FunnelRow",
    "FunnelRowDeclinedReasons",
    "Health",
    "HostNoteRead",
    "HostRef",
    "HTTPValidationError",
    "IdempotencyInProgressError",
    "IdempotencyKeyReusedError",
    "IdempotencyResponseLostError",
    "ImportFinishedData",
    "ImportFinishedDataStatus",
    "ImportFinishedEvent",
    "ImportJobRead",
    "ImportJobReadStatus",
    "ImportQueueFullError",
    "ImportUpload",
    "IncubatorBatch",
    "IncubatorCreate",
    "IncubatorKind",
    "IncubatorPage",
    "IncubatorRead",
    "IncubatorRecommendation",
    "IncubatorUpdate",
    "IndexReadiness",
    "IndexReadinessIndexed",
    "IneligibleRead",
    "InvalidTransitionError",
    "KeyCreate",
    "KeyIssued",
    "KeyRead",
    "KeyRotate",
    "Location",
    "MatchActionCreate",
    "MatchEventRead",
    "MatchFoundData",
    "MatchFoundEvent",
    "MatchList",
    "MatchListTarget",
    "MatchPage",
    "MatchRead",
    "MatchReadComponents",
    "MatchReadConfidence",
    "MatchRecordRead",
    "MatchStateChangedData",
    "MatchStateChangedDataTargetKind",
    "MatchStateChangedEvent",
    "Me",
    "MeetingRead",
    "MeetingReadSource",
    "MergeCreate",
    "MergeRead",
    "MergeReadMoved",
    "MethodNotAllowedError",
    "Need",
    "NoFreePlaceError",
    "NotFoundError",
    "OrganisationKind",
    "PartnerBatch",
    "PartnerCreate",
    "PartnerKind",
    "PartnerPage",
    "PartnerRead",
    "PartnerRecommendation",
    "PartnerUpdate",
    "PayloadTooLargeError",
    "PingData",
    "PingEvent",
    "PingQueued",
    "PlacesDetail",
    "PreconditionFailedError",
    "ProfileKindName",
    "ProfileRef",
    "ProfileRefKind",
    "Program",
    "Qualification",
    "QuotaIn",
    "QuotaInAttribute",
    "QuotaOutcomeRead",
    "RankingRead",
    "RankingUpdate",
    "RateLimitedError",
    "Readiness",
    "Recommendation",
    "Region",
    "RegionGroup",
    "ReportFormat",
    "ReportScope",
    "ReportScopeKind",
    "ReportWindow",
    "ResourceRef",
    "Role",
    "RowErrorRead",
    "ScenarioBatch",
    "ScenarioCreate",
    "ScenarioPage",
    "ScenarioRead",
    "ScenarioRecommendation",
    "ScenarioStatus",
    "ScenarioUpdate",
    "ScheduleRead",
    "Side",
    "Stage",
    "StaleList",
    "StaleProfileRead",
    "StartupBatch",
    "StartupCreate",
    "StartupPage",
    "StartupRead",
    "StartupRecommendation",
    "StartupUpdate",
    "State",
    "StorageUnwritableError",
    "Target",
    "TargetKind",
    "TransitionDetail",
    "UnauthorizedError",
    "UnavailableError",
    "UnplacedRead",
    "UnscheduledRead",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "ValidationErrorContext",
    "ValidationFailedError",
    "VersionDetail",
    "VocabulariesListResponseVocabulariesList",
    "VocabularyItem",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookRead",
    "WebhooksDeliveriesStatus",
)
