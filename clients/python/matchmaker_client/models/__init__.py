""" Contains all the data models used in inputs/outputs """

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
from .camp_read import CampRead
from .camps_schedule_format import CampsScheduleFormat
from .collaboration_mode import CollaborationMode
from .component_read import ComponentRead
from .contacts import Contacts
from .day_plan_in import DayPlanIn
from .decision import Decision
from .decline_reason import DeclineReason
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_read_status import DeliveryReadStatus
from .diversity import Diversity
from .domain import Domain
from .eligibility_in import EligibilityIn
from .error_body import ErrorBody
from .event_type import EventType
from .explanation import Explanation
from .explanation_detail import ExplanationDetail
from .explanation_params import ExplanationParams
from .filters import Filters
from .health import Health
from .host_note_read import HostNoteRead
from .host_ref import HostRef
from .http_validation_error import HTTPValidationError
from .import_finished_data import ImportFinishedData
from .import_finished_data_status import ImportFinishedDataStatus
from .import_finished_event import ImportFinishedEvent
from .import_job_read import ImportJobRead
from .import_job_read_status import ImportJobReadStatus
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
from .need import Need
from .partner_batch import PartnerBatch
from .partner_create import PartnerCreate
from .partner_kind import PartnerKind
from .partner_page import PartnerPage
from .partner_read import PartnerRead
from .partner_recommendation import PartnerRecommendation
from .partner_update import PartnerUpdate
from .ping_data import PingData
from .ping_event import PingEvent
from .ping_queued import PingQueued
from .profile_ref import ProfileRef
from .profile_ref_kind import ProfileRefKind
from .program import Program
from .qualification import Qualification
from .quota_in import QuotaIn
from .quota_in_attribute import QuotaInAttribute
from .quota_outcome_read import QuotaOutcomeRead
from .ranking_read import RankingRead
from .ranking_update import RankingUpdate
from .readiness import Readiness
from .recommendation import Recommendation
from .region import Region
from .region_group import RegionGroup
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
from .startup_batch import StartupBatch
from .startup_create import StartupCreate
from .startup_page import StartupPage
from .startup_read import StartupRead
from .startup_recommendation import StartupRecommendation
from .startup_update import StartupUpdate
from .state import State
from .target import Target
from .target_kind import TargetKind
from .unplaced_read import UnplacedRead
from .unscheduled_read import UnscheduledRead
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .vocabularies_list_response_vocabularies_list import VocabulariesListResponseVocabulariesList
from .vocabulary_item import VocabularyItem
from .webhook_create import WebhookCreate
from .webhook_created import WebhookCreated
from .webhook_read import WebhookRead
from .webhooks_deliveries_status import WebhooksDeliveriesStatus

__all__ = (
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
    "CampRead",
    "CampsScheduleFormat",
    "CollaborationMode",
    "ComponentRead",
    "Contacts",
    "DayPlanIn",
    "Decision",
    "DeclineReason",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryReadStatus",
    "Diversity",
    "Domain",
    "EligibilityIn",
    "ErrorBody",
    "EventType",
    "Explanation",
    "ExplanationDetail",
    "ExplanationParams",
    "Filters",
    "Health",
    "HostNoteRead",
    "HostRef",
    "HTTPValidationError",
    "ImportFinishedData",
    "ImportFinishedDataStatus",
    "ImportFinishedEvent",
    "ImportJobRead",
    "ImportJobReadStatus",
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
    "Need",
    "PartnerBatch",
    "PartnerCreate",
    "PartnerKind",
    "PartnerPage",
    "PartnerRead",
    "PartnerRecommendation",
    "PartnerUpdate",
    "PingData",
    "PingEvent",
    "PingQueued",
    "ProfileRef",
    "ProfileRefKind",
    "Program",
    "Qualification",
    "QuotaIn",
    "QuotaInAttribute",
    "QuotaOutcomeRead",
    "RankingRead",
    "RankingUpdate",
    "Readiness",
    "Recommendation",
    "Region",
    "RegionGroup",
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
    "StartupBatch",
    "StartupCreate",
    "StartupPage",
    "StartupRead",
    "StartupRecommendation",
    "StartupUpdate",
    "State",
    "Target",
    "TargetKind",
    "UnplacedRead",
    "UnscheduledRead",
    "ValidationError",
    "ValidationErrorContext",
    "VocabulariesListResponseVocabulariesList",
    "VocabularyItem",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookRead",
    "WebhooksDeliveriesStatus",
)
