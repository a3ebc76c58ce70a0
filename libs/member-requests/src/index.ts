/** Members' plan change and termination requests (product §9, issue 17). */
export * from './member-requests.module';
export * from './member-requests.http.module';
export * from './member-requests.schema';
export * from './member-request-state';
export * from './termination-reasons';
export { MemberRequestsService } from './member-requests.service';
export * from './dto/member-request-input.dto';
export * from './dto/member-request-response.dto';
