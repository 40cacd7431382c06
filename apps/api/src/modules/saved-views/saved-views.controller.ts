import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequestContext } from '../../common/request-context.decorator';
import { CreateSavedViewDto, SavedViewDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import { SavedViewsService } from './saved-views.service';

@ApiTags('saved-views')
@Controller('saved-views')
export class SavedViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Get()
  @ApiOkResponse({ type: [SavedViewDto], description: 'The signed-in user’s views, by name' })
  list(@RequestContext() ctx: RequestContext): Promise<SavedViewDto[]> {
    return this.views.list(ctx);
  }

  @Post()
  @ApiCreatedResponse({ type: SavedViewDto })
  @ApiConflictResponse({ description: 'The user already has a view of that name (code duplicate_name)' })
  create(@Body() dto: CreateSavedViewDto, @RequestContext() ctx: RequestContext): Promise<SavedViewDto> {
    return this.views.create(dto, ctx);
  }

  @Patch(':id')
  @ApiOkResponse({ type: SavedViewDto })
  @ApiConflictResponse({ description: 'The user already has a view of that name (code duplicate_name)' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSavedViewDto,
    @RequestContext() ctx: RequestContext,
  ): Promise<SavedViewDto> {
    return this.views.update(id, dto, ctx);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@Param('id', ParseUUIDPipe) id: string, @RequestContext() ctx: RequestContext): Promise<void> {
    return this.views.remove(id, ctx);
  }
}
