import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CreateNoteDto, CreateNoteVersionDto, ListNotesQuery, NoteDto } from './dto/note.dto';
import { NotesService } from './notes.service';
import { RequestContext } from '../../common/request-context.decorator';

@ApiTags('notes')
@Controller()
export class NotesController {
  constructor(private readonly notes: NotesService) {}

  @Post('cases/:id/notes')
  @ApiCreatedResponse({ type: NoteDto })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateNoteDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<NoteDto> {
    return this.notes.create(id, dto, ctx);
  }

  @Get('cases/:id/notes')
  @ApiOkResponse({
    type: [NoteDto],
    description: 'Newest first; only the latest version of each note unless history=true',
  })
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListNotesQuery,
    @RequestContext() ctx: RequestContext,
  ): Promise<NoteDto[]> {
    return this.notes.list(id, query.history ?? false, ctx);
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
    @RequestContext() ctx: RequestContext,
  ): Promise<NoteDto> {
    return this.notes.addVersion(id, dto, ctx);
  }
}
