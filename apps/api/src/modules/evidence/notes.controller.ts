import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { CreateNoteDto, CreateNoteVersionDto, ListNotesQuery, NoteDto } from './dto/note.dto';
import { NotesService } from './notes.service';

@ApiTags('notes')
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post('cases/:id/notes')
  @ApiCreatedResponse({ type: NoteDto })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateNoteDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<NoteDto> {
    return this.notes.create(id, dto, buildRequestContext(req, user));
  }

  @Get('cases/:id/notes')
  @ApiOkResponse({
    type: [NoteDto],
    description: 'Newest first; only the latest version of each note unless history=true',
  })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListNotesQuery,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<NoteDto[]> {
    return this.notes.list(id, query.history ?? false, buildRequestContext(req, user));
  }

  @Post('notes/:id/versions')
  @ApiCreatedResponse({
    type: NoteDto,
    description:
      'Notes are immutable: an edit adds a version linked to the one it replaces (409 unless that is the latest)',
  })
  addVersion(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateNoteVersionDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<NoteDto> {
    return this.notes.addVersion(id, dto, buildRequestContext(req, user));
  }
}
