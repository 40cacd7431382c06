import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { CreatedUserDto, OneTimePasswordDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserDto, isArray: true })
  list(): Promise<UserDto[]> {
    return this.users.list();
  }

  @Post()
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiBadRequestResponse({ description: 'A field is invalid, the password breaks the policy, or no such provider' })
  @ApiConflictResponse({
    description: 'A user with this email already exists, or the provider is linked to someone else',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Only a physician account can be linked to a provider (not_physician)',
  })
  create(@Body() dto: CreateUserDto, @RequestContext() ctx: RequestContext): Promise<CreatedUserDto> {
    return this.users.create(dto, ctx);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({
    description:
      'The change would leave no active admin (last_admin) or lock yourself out (self_lockout), or the provider is linked to someone else (provider_linked)',
  })
  @ApiUnprocessableEntityResponse({
    description: 'Only a physician account can be linked to a provider (not_physician)',
  })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<UserDto> {
    return this.users.update(id, dto, ctx);
  }

  @Post(':id/password-reset')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({
    type: OneTimePasswordDto,
    description: 'A new one-time password, shown once; the user’s sessions are ended',
  })
  @ApiNotFoundResponse()
  resetPassword(
    @Param('id', ParseUUIDPipe) id: string,
    @RequestContext() ctx: RequestContext,
  ): Promise<OneTimePasswordDto> {
    return this.users.resetPassword(id, ctx);
  }

  @Post(':id/sessions/end')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Every session of the user is ended (but the one making this request)' })
  @ApiNotFoundResponse()
  async endSessions(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<void> {
    await this.users.endSessions(id, ctx);
  }
}
