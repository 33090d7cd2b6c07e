package org.homeward.journey;

/** Why a journey was closed, aligned with HTCDS "reason for closure" and the US TVAP closure elements. */
public enum ClosureReason { REINTEGRATED, MOVED_AWAY, LOST_CONTACT, DECLINED_SERVICES, TRANSFERRED, DECEASED, OTHER }
